"""vislab's engine: catalog, model libraries, weights, images, models, analyses, explanations, ops.

Pure Python, torch and OpenCV; never Qt. Importing this package is cheap: torch is imported only by the
modules that run models.
"""
