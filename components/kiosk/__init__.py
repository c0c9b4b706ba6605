"""The conference touch-screen kiosk: layout, browser controller, content, QR codes, settings."""
