"""vislab's window (PySide6). It shows what :mod:`vislab.core` computes; all model work runs on workers."""
