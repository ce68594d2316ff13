"""The Collection view: a folder of photos as a mode of the window's centre (grid, table, map, mistakes).

:mod:`.mode` is what the window imports at start-up; the view itself (:mod:`.view`) is imported when a folder
opens.
"""

from __future__ import annotations

#: A folder this large or smaller also goes into the image strip (a larger one joins it photo by photo, as
#: photos are chosen in the grid: 10,000 thumbnails in the strip would be read and kept at once).
STRIP_LIMIT = 100
