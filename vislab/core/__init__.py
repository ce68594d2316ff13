"""vislab's engine: catalog, weights, images, inference. Pure Python, torch and OpenCV; never Qt.

Importing this package is cheap: torch is imported only by the modules that run models.
"""
