"""Images of a page: fetched with the fetcher's rules, bounded, decoded for QR codes and read by OCR.

Importing this package costs nothing: Pillow, zxing-cpp and the OCR engine are imported by the
functions that use them, so a scan that inspects no image never loads them.
"""
