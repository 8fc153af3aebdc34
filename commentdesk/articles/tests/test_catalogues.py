"""The translation catalogues in locale/: complete, current with the source, compiled.

The source check runs Django's makemessages (GNU gettext's xgettext and msgmerge; `make test`
installs them) on a copy of the code, so a new message without a translation fails here.
"""

import re
import shutil
import tempfile
from contextlib import chdir
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.test import SimpleTestCase, override_settings

LOCALE = settings.BASE_DIR / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
# What makemessages reads: the interface code and the templates (see docs/guides/translating.md).
SOURCES = ["commentdesk", "templates", "manage.py"]
PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[sd]")


def catalogue(language: str, root: Path = LOCALE) -> polib.POFile:
    return polib.pofile(str(root / language / "LC_MESSAGES" / "django.po"))


def missing(po: polib.POFile) -> list[str]:
    """The messages a reader would see in English: untranslated or fuzzy."""
    return [e.msgid for e in po if not e.obsolete and (not e.translated() or e.fuzzy)]


def translations(entries) -> dict:
    """What a compiled catalogue holds: the translated entries that are not fuzzy."""
    return {
        (e.msgctxt, e.msgid): {int(k): v for k, v in e.msgstr_plural.items()} or e.msgstr
        for e in entries
        if e.msgid
        and (e.msgstr or any(e.msgstr_plural.values()))
        and "fuzzy" not in e.flags
        and not e.obsolete
    }


class CataloguesTestCase(SimpleTestCase):
    def test_there_is_one_catalogue_per_interface_language(self):
        present = sorted(path.name for path in LOCALE.iterdir() if path.is_dir())
        self.assertEqual(present, sorted(LANGUAGES))

    def test_every_message_is_translated_and_none_is_fuzzy(self):
        for language in LANGUAGES:
            with self.subTest(language):
                po = catalogue(language)
                self.assertFalse(po.metadata_is_fuzzy)
                self.assertEqual(po.metadata["Language"], language)
                self.assertEqual(missing(po), [])

    def test_plurals_have_every_form_of_the_language(self):
        for language in LANGUAGES:
            po = catalogue(language)
            forms = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
            for entry in (e for e in po if e.msgid_plural):
                with self.subTest(language, msgid=entry.msgid):
                    self.assertEqual(len(entry.msgstr_plural), forms)

    def test_translations_keep_the_placeholders(self):
        for language in LANGUAGES:
            for entry in catalogue(language):
                source = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
                with self.subTest(language, msgid=entry.msgid):
                    if entry.msgid_plural:
                        # A form for exactly one (or two) may spell the number out.
                        for text in entry.msgstr_plural.values():
                            self.assertLessEqual(set(PLACEHOLDER.findall(text)), source)
                    else:
                        self.assertEqual(set(PLACEHOLDER.findall(entry.msgstr)), source)

    def test_the_compiled_catalogues_match_the_sources(self):
        for language in LANGUAGES:
            with self.subTest(language):
                mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
                self.assertEqual(translations(mo), translations(catalogue(language)))

    def test_the_catalogues_hold_every_message_of_the_source(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            for name in SOURCES:
                source = settings.BASE_DIR / name
                if source.is_dir():
                    shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
                else:
                    shutil.copy(source, root / name)
            shutil.copytree(LOCALE, root / "locale")
            with chdir(root), override_settings(LOCALE_PATHS=[root / "locale"]):
                call_command(
                    "makemessages", locale=LANGUAGES, no_obsolete=True, verbosity=0,
                    ignore_patterns=["static/*"],
                )
            for language in LANGUAGES:
                with self.subTest(language):
                    self.assertEqual(
                        missing(catalogue(language, root / "locale")), [],
                        "Messages without a translation: see docs/guides/translating.md",
                    )
