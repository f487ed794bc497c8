"""Converters that compile the field's dictionaries into tidings' own table formats."""
