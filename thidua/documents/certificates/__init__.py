"""Certificates (Bằng khen, Giấy khen, title certificates) as PDF, drawn with Typst.

`content` turns awards into the lines printed on a certificate, `render` compiles them (designed
certificates, printing onto pre-printed blanks, the calibration sheet), `layouts` holds the
positions of the fields on blanks, `services` the batches of a whole decision.
"""
