from thidua.documents.certificates import admin as certificate_admin  # noqa: F401 - registers
