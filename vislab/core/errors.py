"""The errors vislab shows to people: each message names the thing and the reason.

The command line and the window print ``str(error)`` and carry on; they never show a traceback for
one of these. Anything else escaping the core is a bug in vislab.
"""

from __future__ import annotations

import threading
from pathlib import Path


class VislabError(Exception):
    """A problem with what the user asked for, explained in one sentence."""


class VislabWarning(UserWarning):
    """Something worth telling the user that does not stop the work."""


class OptionError(VislabError, ValueError):
    """An option value outside what it accepts (an opacity of 2, an unknown colormap)."""


class UnknownNameError(VislabError, KeyError):
    """A registry was asked for a name it does not hold."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class UnknownModelError(UnknownNameError):
    """No catalog entry has this id."""


class AmbiguousModelError(UnknownModelError):
    """More than one catalog entry answers to this name; the message lists their ids."""


class WeightsError(VislabError):
    """A weights file could not be used with a model."""


class WeightsUnavailableError(WeightsError):
    """The weights are neither bundled, cached nor downloadable right now."""


class Cancelled(VislabError):
    """The person stopped long work; the front ends return the panel to a clear state, with no error."""


def check_cancel(cancel: threading.Event | None, error: type[Cancelled], message: str) -> None:
    """Raise ``error(message)`` when ``cancel`` is set: the one check long loops make between steps."""
    if cancel is not None and cancel.is_set():
        raise error(message)


class DownloadCancelled(Cancelled):
    """The user stopped a weights download."""


class ExplanationCancelled(Cancelled):
    """The user stopped a long explanation."""


class ExperimentCancelled(Cancelled):
    """The user stopped a sweep."""


class MeasurementCancelled(Cancelled):
    """The person stopped a measurement."""


class LayerError(VislabError):
    """A layer name that does not exist in the model, or whose output is not a spatial map."""


class MethodNotApplicableError(VislabError):
    """The method cannot run on this model (rollout on a CNN)."""


class UnknownMethodError(UnknownNameError):
    """No explanation method has this id."""


class UnknownAnalysisError(UnknownNameError):
    """No analysis has this id."""


class UnknownPerturbationError(UnknownNameError):
    """No perturbation has this id."""


class OpError(VislabError):
    """An op or parameter that does not exist, or a value outside its range."""


class UnknownOpError(UnknownNameError, OpError):
    """No op has this id."""


class DeviceError(VislabError):
    """The requested device does not exist or cannot be used."""


class ImageReadError(VislabError):
    """A file could not be read as an image.

    Attributes:
        path: the file (or folder) that was asked for.
        reason: a short phrase saying why, without the path.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ImageNotFoundError(ImageReadError):
    """No file at this path."""


class DirectoryNotImageError(ImageReadError):
    """The path is a folder, not an image."""


class EmptyImageError(ImageReadError):
    """The file is empty (0 bytes)."""


class NotAnImageError(ImageReadError):
    """The file is not in an image format vislab reads."""


class VectorImageError(NotAnImageError):
    """The file is a vector drawing (SVG, PDF, EPS), which has no pixels to classify."""


class TruncatedImageError(ImageReadError):
    """The file starts like an image but its data is cut short or corrupt."""


class ImageTooLargeError(ImageReadError):
    """The image has more pixels than vislab decodes (a decompression-bomb guard)."""


class ImageShapeError(VislabError, ValueError):
    """An image too elongated to be made into a model input (see ``images.MAX_ASPECT``)."""


class ImageWriteError(ImageReadError):
    """An image could not be saved to this path."""


class StoreError(VislabError):
    """The collection store (an SQLite file) cannot be used: written by a newer vislab, not a vislab store,
    or not writable; the message names the file and says what to do."""


class ResultsError(VislabError):
    """A folder of result files (Parquet, from a cluster run) that cannot be read: missing, not vislab's, from
    another layout, or PyArrow not installed; the message names the file and says why."""


class ClusterError(VislabError):
    """A run on Ray that cannot start or finish: Ray not installed, a cluster address that cannot be reached,
    a worker that cannot load the model; the message names the address or the thing and the reason."""


class CollectionCancelled(Cancelled):
    """The person stopped classifying a collection; what was stored stays, and a rerun resumes."""


class CameraError(VislabError):
    """A camera or video file that cannot be opened, or that stopped delivering frames mid-stream (unplugged,
    a file cut short).

    Attributes:
        source: the camera or file in words (``camera 0``, the file's path).
        reason: a short phrase saying why, without the source.
    """

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")
