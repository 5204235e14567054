"""People: schools, groups, people with roles per school, parent-pupil links, accounts."""
