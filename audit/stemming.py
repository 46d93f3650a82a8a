"""Word stems, Russian or English by the word's script (snowball): how header words, vocabulary phrases and
condition words are compared whatever their endings («Сегменты» / «сегмента», "orders" / "ordered")."""
from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_CYRILLIC = re.compile(r"[а-яё]")
_LATIN = re.compile(r"[a-z]")
_STEMMERS = {"ru": snowballstemmer.stemmer("russian"), "en": snowballstemmer.stemmer("english")}
_HOMOGLYPHS = str.maketrans("aeopcxykmtbh", "аеорсхукмтвн")  # Latin letters typed into a Russian word


@lru_cache(maxsize=1 << 14)
def stem(word: str) -> str:
    word = word.casefold().replace("ё", "е")
    if word in ("№", "#"):
        return word
    language = "ru" if _CYRILLIC.search(word) else "en"
    if language == "ru" and _LATIN.search(word):
        word = word.translate(_HOMOGLYPHS)  # «Условиe» with a Latin e is «Условие»
    return _STEMMERS[language].stemWord(word)
