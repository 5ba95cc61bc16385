"""Tooling for the knowledge base: checks, scaffolding and MkDocs build hooks."""
