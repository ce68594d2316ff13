"""The interface's language: English or Spanish, through Qt's translation system.

The sources are ``resources/translations/vislab_<lang>.ts`` (made with ``pyside6-lupdate``, see
``make translations``), compiled to the ``.qm`` files shipped beside them. The language follows the system
locale unless the person chose one (View ▸ Language); Qt's own dialogs follow it too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..resources import resources_dir

#: The languages vislab speaks, by code, each named in itself.
LANGUAGES = {"en": "English", "es": "Español"}
DEFAULT = "en"

_installed: list[QTranslator] = []
_current = [DEFAULT]


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
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    for name, folder in (("vislab", translations_dir()),
                         ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator(app)
        if translator.load(f"{name}_{language}", folder):
            app.installTranslator(translator)
            _installed.append(translator)
    _current[0] = language
    return language
