"""Alembic environment of the store.

``data.store.open_store`` passes its own connection (``config.attributes["connection"]``),
already inside the transaction that holds the migration lock; the ``alembic`` command
line connects to :func:`data.store.engine.resolve_url` (``DATABASE_URL``, else SQLite).
"""

from __future__ import annotations

from alembic import context

from data.store.engine import make_engine, resolve_url
from data.store.models import metadata

config = context.config


def run_offline() -> None:
    context.configure(
        url=resolve_url(config.get_main_option("sqlalchemy.url") or None),
        target_metadata=metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(resolve_url(config.get_main_option("sqlalchemy.url") or None))
    try:
        with engine.connect() as conn:
            context.configure(connection=conn, target_metadata=metadata)
            with context.begin_transaction():
                context.run_migrations()
            conn.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
