"""Sliders and spin boxes for one preprocessing step's parameters, built from its op spec."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QWidget,
)

from ...core.ops import OpError, Param, Step, get_op
from ..texts import core_text


class ParamEditor(QWidget):
    """Sliders and spin boxes for one step's parameters, built from its op spec."""

    changed = Signal(object)  # the new Step

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.step: Step | None = None
        self.editors: dict[str, QWidget] = {}

    def edit(self, step: Step | None) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors = {}
        self.step = step
        if step is None:
            return
        spec = get_op(step.op)
        values = dict(step.params)
        if not spec.params:
            self.form.addRow(QLabel(self.tr("No parameters.")))
        for param in spec.params:
            editor = self._editor(param, values[param.name])
            self.editors[param.name] = editor
            label = QLabel(core_text(param.name))  # translated; the tooltip gives the command line's name
            label.setToolTip(f"{core_text(param.help)} ({param.name})" if param.help else param.name)
            self.form.addRow(label, editor)

    def _editor(self, param: Param, value) -> QWidget:
        if param.kind == "choice":
            box = QComboBox()
            for choice in param.choices:
                box.addItem(core_text(choice), choice)  # shown translated, kept as the op's own word
            box.setCurrentIndex(max(0, box.findData(str(value))))
            box.currentIndexChanged.connect(lambda _i, n=param.name, b=box: self._set(n, b.currentData()))
            return box
        if param.kind == "bool":
            check = QCheckBox()
            check.setChecked(bool(value))
            check.toggled.connect(lambda v, n=param.name: self._set(n, v))
            return check
        is_int = param.kind == "int"
        spin = QSpinBox() if is_int else QDoubleSpinBox()
        lo = param.minimum if param.minimum is not None else -1e6
        hi = param.maximum if param.maximum is not None else 1e6
        if is_int:
            spin.setRange(int(lo), int(hi))
            spin.setSingleStep(int(param.step or 1))
        else:
            spin.setDecimals(2)
            spin.setRange(lo, hi)
            spin.setSingleStep(param.step or 0.1)
        spin.setValue(value)
        spin.setToolTip(core_text(param.help))
        slider = QSlider(Qt.Orientation.Horizontal)
        steps = 1000
        slider.setRange(0, steps)
        slider.setValue(round((value - lo) / (hi - lo) * steps) if hi > lo else 0)

        def from_slider(position: int) -> None:
            raw = lo + (hi - lo) * position / steps
            if is_int:
                raw = round(raw)
                if param.odd and raw % 2 == 0:
                    raw = min(int(hi), raw + 1)
            spin.setValue(raw)

        slider.valueChanged.connect(from_slider)
        spin.valueChanged.connect(lambda v, n=param.name: self._set(n, v))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(slider, 1)
        line.addWidget(spin)
        return row

    def _set(self, name: str, value) -> None:
        if self.step is None:
            return
        values = dict(self.step.params)
        values[name] = value
        try:
            step = Step.make(self.step.op, **values)
        except OpError:
            return  # an even kernel size mid-typing: wait for a valid value
        self.step = step
        self.changed.emit(step)
