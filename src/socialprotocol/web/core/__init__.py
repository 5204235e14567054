"""Core: tenancy (boards), the audit log and the base of every action."""
