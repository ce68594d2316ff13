"""``vislab live SOURCE``: a camera or a video file classified (and explained) at its own pace.

A file is played at its own frame rate, as a camera would deliver it, from the moment the model is ready for its
first frame; frames that arrive while the model is busy are skipped, so the processed frame indices jump. It stops
after ``--max-frames`` processed frames, at the end of a file, or on Ctrl+C.
"""

from __future__ import annotations

import argparse
import sys

from .models import load_one
from .options import json_option, model_options, positive
from .output import print_json

#: ``--method`` for predictions without a map.
NO_METHOD = "none"


def arguments(parser: argparse.ArgumentParser) -> None:
    """The source, the model options, ``--method``, ``--max-frames`` and ``--json``."""
    parser.add_argument("source", metavar="SOURCE", help="a camera index (0) or a video file")
    model_options(parser)
    parser.add_argument("--method", metavar="METHOD",
                        help=f"explanation method (see `vislab methods`; the model's first), or {NO_METHOD}")
    parser.add_argument("--layer", metavar="NAME", help="layer, as named_modules() names it (the method's default)")
    parser.add_argument("--top-k", type=positive, default=5, metavar="K", help="classes per frame (5)")
    parser.add_argument("--max-frames", type=positive, metavar="N", help="stop after N processed frames")
    json_option(parser)


def run(options: argparse.Namespace) -> int:
    """Open the source (a missing file or camera fails before the model loads), then print each processed frame."""
    from ..core.explain import get_method, methods_for
    from ..core.live import Live, VideoSource

    method = None if options.method == NO_METHOD else options.method
    if method is not None:
        get_method(method)  # an unknown method fails before the model loads
    source = VideoSource(options.source).open()
    try:
        model = load_one(options, fast_path=True)
        if options.method is None:
            usable = methods_for(model.module)
            method = usable[0].id if usable else None
        live = Live(model, source, method=method, layer=options.layer, top_k=options.top_k)
        results = live.results(options.max_frames)
        try:
            for result in results:
                _print(result, options.json)
        except KeyboardInterrupt:
            live.stop()
            results.close()
            raise
    finally:
        source.release()
    if not options.json:
        rates = live.rates()
        print(f"{live.processed} frames processed of {source.frames_read} read from {source.name}; "
              f"camera {rates.camera_fps:.1f} fps, {rates.predictions_per_s:.1f} predictions/s, "
              f"{rates.maps_per_s:.1f} maps/s", file=sys.stderr)
    return 0


def _print(result, as_json: bool) -> None:
    top = result.predictions[0]
    latency_ms = round(1000 * result.latency, 1)
    if as_json:
        print_json({"frame": result.frame.index,
                    "top1": {"index": top.index, "label": top.label, "probability": round(top.probability, 6)},
                    "latency_ms": latency_ms, "map": result.map_fresh}, indent=None)
    else:
        map_note = "  map" if result.map_fresh else ""
        print(f"frame {result.frame.index:5d}  {top.label}  {100 * top.probability:5.1f} %  "
              f"{latency_ms:6.1f} ms{map_note}")
    sys.stdout.flush()

