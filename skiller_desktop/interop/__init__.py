"""Import and export: portfolios, PDF, verifiable credentials."""
