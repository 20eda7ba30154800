"""Alembic environment: migrations run on the connection the store hands over.

The store runs ``alembic upgrade head`` programmatically when it opens a database
(see ``contactline.store``); there is no alembic.ini.
"""

from __future__ import annotations

from alembic import context

from contactline._schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("contactline migrations run through contactline.store.open_store")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
