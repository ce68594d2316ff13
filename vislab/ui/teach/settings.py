"""The training settings, each with a one-line explanation under it; :meth:`TeachSettings.config` reads them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...core.catalog import DEFAULT_MODEL, list_models
from ...core.teach import AUGMENTATIONS, TrainConfig
from ...core.weights import WeightsStatus, weights_status
from ..i18n import Retranslatable

#: The augmentations' names, translated when shown.
AUGMENT_NAMES = {"flip": QT_TRANSLATE_NOOP("TeachSettings", "Flip"),
                 "rotate": QT_TRANSLATE_NOOP("TeachSettings", "Rotation"),
                 "zoom": QT_TRANSLATE_NOOP("TeachSettings", "Zoom"),
                 "translate": QT_TRANSLATE_NOOP("TeachSettings", "Translation"),
                 "color": QT_TRANSLATE_NOOP("TeachSettings", "Colour jitter")}
#: What each does, translated when shown.
AUGMENT_TIPS = {"flip": QT_TRANSLATE_NOOP("TeachSettings", "Mirror left-right half the time (not for text or digits)"),
                "rotate": QT_TRANSLATE_NOOP("TeachSettings", "Turn by up to 15 degrees either way"),
                "zoom": QT_TRANSLATE_NOOP("TeachSettings", "Scale by 85-115 %"),
                "translate": QT_TRANSLATE_NOOP("TeachSettings", "Shift by up to 10 % of the side"),
                "color": QT_TRANSLATE_NOOP("TeachSettings",
                                           "Vary brightness, contrast and saturation by up to 30 %")}


class TeachSettings(Retranslatable, QWidget):
    """Base model, what to train, epochs, batch size, learning rate, validation fraction, augmentation (with a
    preview button, :attr:`preview_button`), early stopping and reduce-LR-on-plateau."""

    def __init__(self, weights_files: dict[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weights_files = weights_files or {}
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(2)
        self.name = QLineEdit()
        self.base = QComboBox()
        self.what = QComboBox()
        self.blocks = QSpinBox()
        self.blocks.setRange(1, 8)
        self.blocks.setPrefix("K = ")
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 500)
        self.epochs.setValue(30)
        self.batch = QSpinBox()
        self.batch.setRange(1, 1024)
        self.batch.setValue(32)
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(5)
        self.lr.setRange(0.00001, 1.0)
        self.lr.setSingleStep(0.0005)
        self.lr.setValue(0.001)
        self.val = QDoubleSpinBox()
        self.val.setRange(0.0, 0.5)
        self.val.setSingleStep(0.05)
        self.val.setValue(0.2)
        self.augment = {key: QCheckBox() for key in AUGMENTATIONS}
        self.preview_button = QPushButton()
        self.patience = QSpinBox()
        self.patience.setRange(0, 100)
        self.patience.setValue(5)
        self.reduce_lr = QCheckBox()
        self.reduce_lr.setChecked(True)
        self._lay_out()
        self.what.currentIndexChanged.connect(lambda _i: self.blocks.setEnabled(self.what.currentIndex() == 1))
        self.fill_models()
        self.retranslate()
        self.blocks.setEnabled(False)

    def _lay_out(self) -> None:
        what_row = QHBoxLayout()
        what_row.addWidget(self.what, 1)
        what_row.addWidget(self.blocks)
        augment_row = QHBoxLayout()
        for box in self.augment.values():
            augment_row.addWidget(box)
        augment_row.addWidget(self.preview_button)
        self._labels: list[tuple[QLabel, QLabel]] = []
        for field in (self.name, self.base, what_row, self.epochs, self.batch, self.lr, self.val, augment_row,
                      self.patience, self.reduce_lr):
            label, note = QLabel(), QLabel()
            note.setWordWrap(True)
            note.setMinimumWidth(40)
            note.setStyleSheet("color: palette(placeholder-text); font-size: small;")
            self.form.addRow(label, field)
            self.form.addRow("", note)
            self._labels.append((label, note))

    def fill_models(self) -> None:
        """The catalog models whose weights are here (bundled, cached or a loaded file); the bundled CNN first."""
        current = self.base.currentData() or DEFAULT_MODEL
        self.base.clear()
        for spec in list_models():
            if spec.id in self.weights_files or weights_status(spec) in (WeightsStatus.BUNDLED, WeightsStatus.CACHED):
                self.base.addItem(spec.name, spec.id)
        index = self.base.findData(current)
        self.base.setCurrentIndex(max(0, index))

    def retranslate(self) -> None:
        index = self.what.currentIndex()
        self.what.clear()
        self.what.addItems([self.tr("Head only"), self.tr("Head + last K blocks")])
        self.what.setCurrentIndex(max(0, index))
        texts = (
            (self.tr("Name"), self.tr("What the model is of: the model list shows it under this name.")),
            (self.tr("Base model"), self.tr("The pretrained network whose features are reused (frozen).")),
            (self.tr("Train"), self.tr("Head only: a new last layer on stored features, seconds. Fine-tuning also "
                                       "adapts the last K blocks, at learning rate 1e-5, slower.")),
            (self.tr("Epochs"), self.tr("Passes over the training images, at most (early stopping may end sooner).")),
            (self.tr("Batch size"), self.tr("Images per weight update.")),
            (self.tr("Learning rate"), self.tr("How big each update is (Adam); 0.001 suits a new head.")),
            (self.tr("Validation"), self.tr("Fraction of each class held out to measure what was learnt.")),
            (self.tr("Augmentation"), self.tr("Varied copies of the training images, so the model learns the class, "
                                              "not the photo.")),
            (self.tr("Early stopping"), self.tr("Stop after this many epochs without a better validation loss, and "
                                                "keep the best epoch (0: never).")),
            (self.tr("Reduce LR"), self.tr("Halve the learning rate when the validation loss stalls.")),
        )
        for (label, note), (name, explanation) in zip(self._labels, texts, strict=True):
            label.setText(name)
            note.setText(explanation)
        for key, box in self.augment.items():
            box.setText(self.tr(AUGMENT_NAMES[key]))
            box.setToolTip(self.tr(AUGMENT_TIPS[key]))
        self.preview_button.setText(self.tr("Preview"))
        self.preview_button.setToolTip(self.tr("Six augmented copies of the chosen class's first image"))
        self.reduce_lr.setText(self.tr("on plateau"))
        self.patience.setSuffix(self.tr(" epochs"))

    def augmentations(self) -> tuple[str, ...]:
        return tuple(key for key, box in self.augment.items() if box.isChecked())

    def config(self, scratch: bool = False) -> TrainConfig:
        kind = "scratch" if scratch else "fine_tune" if self.what.currentIndex() == 1 else "head"
        return TrainConfig(kind=kind, epochs=self.epochs.value(), batch_size=self.batch.value(), lr=self.lr.value(),
                           fine_tune_blocks=self.blocks.value() if kind == "fine_tune" else 0,
                           val_split=self.val.value(), augment=self.augmentations(), patience=self.patience.value(),
                           reduce_lr=self.reduce_lr.isChecked())

    def base_id(self) -> str:
        return self.base.currentData() or DEFAULT_MODEL

