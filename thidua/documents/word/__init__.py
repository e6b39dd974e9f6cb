"""Word documents (docxtpl): the built-in templates as code (`builtin`, on the Decree 30/2020
grid of `layout`), the data each document is filled with (`contexts`, `samples`), and the one
place that renders and checks a template (`render`)."""
