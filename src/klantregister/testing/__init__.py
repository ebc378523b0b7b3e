"""Tools for testing against klantregister: the repository contract suite and strategies."""
