"""SQLite storage for pizhu through sqlite-utils: schema, migrations, import and export."""
