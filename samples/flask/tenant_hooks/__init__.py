"""Per-tenant inbound hooks: each integration's shared token is stored with it in the database."""
