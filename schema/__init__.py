"""The graph model, once: pydantic types for every fact (`schema.model`), deterministic ids
(`schema.ids`) and the store-side constraints and indexes (`schema.constraints`)."""
