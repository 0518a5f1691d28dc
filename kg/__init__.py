"""kg: the graph core — configuration, stores, loader, named queries and the `kg` command."""

__version__ = "0.1.0"
