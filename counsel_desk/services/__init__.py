"""Services: the domain's operations. They take a session factory, return plain results, never touch Qt."""
