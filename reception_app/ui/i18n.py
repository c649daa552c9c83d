"""Loads the app's translations (.qm compiled from resources/translations/*.ts). Japanese is the default."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reception_app.paths import resource

DEFAULT_LANGUAGE = "ja"


def translations_dir() -> str:
    return str(resource("translations"))


# The app's catalogues: the windows' own, and the set-up wizard's (kept apart so the two never edit one file).
CATALOGUES = ("reception", "setup")


def load_translator(lang: str, catalogue: str = "reception") -> QTranslator | None:
    """The translator of one catalogue for `lang`, or None when its .qm is missing (English source text shows)."""
    translator = QTranslator()
    if translator.load(f"{catalogue}_{lang}", translations_dir()):
        return translator
    return None


class Translations:
    """Holds the installed translators so they live as long as the application, and swaps them on demand."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def install(self, lang: str) -> bool:
        """Installs `lang`; False when the app's .qm for it is missing (then the English source text shows)."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before installing translations")
        for old in self._installed:
            app.removeTranslator(old)
        self._installed.clear()
        self.language = lang
        QLocale.setDefault(QLocale(QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English))
        qt_base = QTranslator()
        if qt_base.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_base)
            self._installed.append(qt_base)
        found = False
        for catalogue in CATALOGUES:
            own = load_translator(lang, catalogue)
            if own is not None:
                app.installTranslator(own)
                self._installed.append(own)
                found = found or catalogue == "reception"
        return found


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # same name as Qt's so pyside6-lupdate extracts it
    """Marks `text` for translation in `context` and returns it unchanged (typed: Qt's stub returns object)."""
    del context
    return text
