"""The side panels that explore the map: filters, the département portrait, the sortable table."""
