"""The interface's language: English or Spanish, through Qt's translation system.

The sources are ``resources/translations/vislab_<lang>.ts`` (made with ``pyside6-lupdate``, see
``make translations``), compiled to the ``.qm`` files shipped beside them. The language follows the system
locale unless the person chose one (View ▸ Language); Qt's own dialogs follow it too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from ..resources import resources_dir

#: The languages vislab speaks, by code, each named in itself.
LANGUAGES = {"en": "English", "es": "Español"}
DEFAULT = "en"

_installed: list[QTranslator] = []
_current = [DEFAULT]


class Retranslatable:
    """Mixed into a widget (before its Qt class) whose texts follow the language: it sets them in
    :meth:`retranslate`, which runs again when Qt reports a language change."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def translations_dir() -> str:
    try:
        return str(resources_dir() / "translations")
    except FileNotFoundError:  # no resources: the interface stays in its source language, English
        return ""


def system_language() -> str:
    """The system locale's language if vislab speaks it, else English."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT


def resolve(choice: str) -> str:
    """The language to use for a setting: the chosen one, or the system's when none was chosen."""
    return choice if choice in LANGUAGES else system_language()


def current() -> str:
    return _current[0]


def install(language: str) -> str:
    """Switch the running application to ``language`` (open windows retranslate themselves on the
    LanguageChange event Qt sends); returns the language now in use."""
    app = QCoreApplication.instance()
    language = language if language in LANGUAGES else DEFAULT
    _current[0] = language
    if app is None:  # nothing to translate yet
        return language
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    for name, folder in (("vislab", translations_dir()),
                         ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator(app)
        if translator.load(f"{name}_{language}", folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return language


def update(root: Path | None = None) -> list[Path]:
    """Regenerate the translation sources from the code and compile them (``make translations``).

    ``pyside6-lupdate`` collects every ``tr()``/``translate()`` text of ``vislab/ui`` (the core's registry
    texts through the generated ``core_texts.py``) into one ``.ts`` per language, keeping the translations
    already made. English is the source language: its file takes each source text as its translation.
    ``pyside6-lrelease`` then compiles the ``.qm`` files vislab loads.
    """
    from . import texts

    root = root or Path(__file__).resolve().parents[2]
    texts.GENERATED.write_text(texts.generated_source(), encoding="utf-8")
    folder = root / "resources" / "translations"
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(p) for p in (root / "vislab" / "ui").rglob("*.py"))
    tool = Path(sys.executable).parent
    written = []
    for language in LANGUAGES:
        ts = folder / f"vislab_{language}.ts"
        subprocess.run([str(tool / "pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none",
                        "-target-language", language, "-ts", str(ts)], check=True)
        _tidy(ts, source_as_translation=language == "en")
        subprocess.run([str(tool / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        written.append(ts)
    return written


def _tidy(ts: Path, source_as_translation: bool) -> None:
    """Drop the comments lupdate takes from ``#:`` lines (vislab's attribute docs, not notes for
    translators); for the source language, make each text its own translation."""
    tree = ElementTree.parse(ts)
    for message in tree.iter("message"):
        for comment in message.findall("extracomment"):
            message.remove(comment)
        if source_as_translation:
            translation = message.find("translation")
            translation.text = message.findtext("source")
            translation.attrib.pop("type", None)
    text = ElementTree.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{text}\n', encoding="utf-8")


def read_ts(path: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> translation of a ``.ts`` file; None where it is missing or unfinished."""
    found = {}
    for context in ElementTree.parse(path).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") is None and bool(translation.text)
            found[(name, message.findtext("source"))] = translation.text if done else None
    return found


if __name__ == "__main__":
    for path in update():
        print(f"updated {path} and its .qm", file=sys.stderr)
