//! Folding Vietnamese text for search: diacritics and case are dropped so that "hộ tịch",
//! "HỘ TỊCH" and "ho tich" compare equal, while every folded char stays at the index of the
//! char it came from in the NFC text, so a match position can be highlighted directly.
//!
//! The pipeline, per char of the NFC text: `đ`/`Đ` to `d`/`D` (Unicode does not decompose the
//! stroke), canonical decomposition (NFD), combining marks dropped, lowercase. A char that has
//! no single base letter (a Hangul syllable decomposes into several jamo, a stray combining
//! mark has none) is kept as it is, lowercased; a lowercase that expands (`İ`) keeps its first
//! char. That makes the fold one char out per char in, for every input.
//!
//! Folded text is split into words at every char that is not a letter, a digit or a stray
//! combining mark: whitespace and punctuation alike.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds `text` for search: NFC -> `đ`/`Đ` to `d`/`D` -> NFD -> drop combining marks ->
/// lowercase, one char out per char of the NFC form of `text`.
pub fn fold(text: &str) -> String {
    if is_nfc(text) {
        // Stored text is NFC already: skip the (buffering, reordering) normaliser.
        return text.chars().map(fold_char).collect();
    }
    text.nfc().map(fold_char).collect()
}

/// Folds `text` and returns the folded chars, one per char of the NFC form of `text` (so a
/// match position in the folded text is the same char index in the NFC text).
pub fn fold_chars(text: &str) -> Vec<char> {
    if is_nfc(text) {
        return text.chars().map(fold_char).collect();
    }
    text.nfc().map(fold_char).collect()
}

/// True when the text is certainly NFC (the quick check; stored text always is).
pub(crate) fn is_nfc(text: &str) -> bool {
    unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
}

/// Folded forms of U+0000..U+2000 (every Latin letter Vietnamese uses), computed once.
fn table() -> &'static [char] {
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..TABLE_END)
            .map(|u| char::from_u32(u).map_or('\u{fffd}', fold_char_slow))
            .collect()
    })
}

const TABLE_END: u32 = 0x2000;

/// Lowercases one char to exactly one char (the first one when the lowercase expands, as for
/// `İ`). Diacritics are kept: this is the "unfolded" comparison form.
pub(crate) fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    c.to_lowercase().next().unwrap_or(c)
}

/// Folds one char of NFC text to exactly one char.
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match table().get(c as usize) {
        Some(&f) if u32::from(c) < TABLE_END => f,
        _ => fold_char_slow(c),
    }
}

fn fold_char_slow(c: char) -> char {
    let c = match c {
        'đ' => 'd',
        'Đ' => 'D',
        _ => c,
    };
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut base = None;
    let mut bases = 0_usize;
    decompose_canonical(c, |part| {
        if !is_combining_mark(part) {
            bases += 1;
            base.get_or_insert(part);
        }
    });
    let base = match base {
        Some(only) if bases == 1 => only,
        _ => c,
    };
    lower_char(base)
}

/// Word chars: letters, digits, and stray combining marks (which stay attached to their word).
/// Everything else — whitespace and punctuation such as `,` `.` `/` `(` `-` — separates words.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// `(start, len)` of each run of word chars in `chars`.
pub(crate) fn word_spans(chars: &[char]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        i += chars.get(i..)?.iter().position(|&c| is_word_char(c))?;
        let len = chars[i..]
            .iter()
            .position(|&c| !is_word_char(c))
            .unwrap_or(chars.len() - i);
        let span = (i, len);
        i += len;
        Some(span)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    /// Every Vietnamese vowel with every tone mark, lower then upper case, in NFC.
    const VOWELS: [(&str, char); 12] = [
        ("aàáảãạ", 'a'),
        ("ăằắẳẵặ", 'a'),
        ("âầấẩẫậ", 'a'),
        ("eèéẻẽẹ", 'e'),
        ("êềếểễệ", 'e'),
        ("iìíỉĩị", 'i'),
        ("oòóỏõọ", 'o'),
        ("ôồốổỗộ", 'o'),
        ("ơờớởỡợ", 'o'),
        ("uùúủũụ", 'u'),
        ("ưừứửữự", 'u'),
        ("yỳýỷỹỵ", 'y'),
    ];

    #[test]
    fn every_vowel_with_every_tone_in_both_cases() {
        for (forms, base) in VOWELS {
            let upper: String = forms.chars().flat_map(char::to_uppercase).collect();
            assert_eq!(upper.chars().count(), 6, "{upper}");
            for form in [forms.to_string(), upper] {
                for c in form.chars() {
                    assert_eq!(fold(&c.to_string()), base.to_string(), "{c}");
                    let nfd: String = c.to_string().nfd().collect();
                    assert_eq!(fold(&nfd), base.to_string(), "NFD of {c}");
                }
            }
        }
        assert_eq!(fold("đĐ"), "dd");
    }

    #[test]
    fn vietnamese_phrases() {
        let cases = [
            ("Đăng ký", "dang ky"),
            ("HỘ TỊCH", "ho tich"),
            ("Ưu tiên", "uu tien"),
            ("Quốc", "quoc"),
            ("ỹ", "y"),
            ("Nghị định 39/2025/NĐ-CP", "nghi dinh 39/2025/nd-cp"),
            ("Cục ĐKQGGDBĐ", "cuc dkqggdbd"),
            (
                "Thử nghiệm trí tuệ nhân tạo (AI)",
                "thu nghiem tri tue nhan tao (ai)",
            ),
        ];
        for (text, folded) in cases {
            assert_eq!(fold(text), folded, "{text}");
        }
    }

    #[test]
    fn nfd_input_folds_like_nfc() {
        let text = "Kết nối, chia sẻ dữ liệu CSDL hộ tịch điện tử, quốc tịch, lý lịch tư pháp";
        let nfd: String = text.nfd().collect();
        assert_ne!(nfd, text);
        assert_eq!(fold(&nfd), fold(text));
        assert_eq!(fold_chars(&nfd), fold_chars(text));
    }

    #[test]
    fn awkward_chars_stay_one_char() {
        for text in [
            "ǅ", "ǆ", "ﬁ", "İ", "ẞ", "한", "\u{301}", "x\u{302}", "Å", "ǻ", "ΐ",
        ] {
            assert_eq!(
                fold_chars(text).len(),
                text.nfc().count(),
                "{text:?} -> {:?}",
                fold(text)
            );
        }
        assert_eq!(fold("İ"), "i");
        assert_eq!(fold("ǻ"), "a");
        assert_eq!(fold("한"), "한");
    }

    #[test]
    fn fold_and_fold_chars_agree() {
        let text = "Hệ thống đăng ký trực tuyến về giao dịch bảo đảm";
        assert_eq!(fold(text), fold_chars(text).into_iter().collect::<String>());
    }

    proptest! {
        #[test]
        fn one_char_out_per_nfc_char(s in any::<String>()) {
            prop_assert_eq!(fold_chars(&s).len(), s.nfc().count());
            prop_assert_eq!(fold(&s).chars().count(), s.nfc().count());
        }

        #[test]
        fn nfd_and_nfc_fold_alike(s in any::<String>()) {
            let nfd: String = s.nfd().collect();
            let nfc: String = s.nfc().collect();
            prop_assert_eq!(fold(&nfd), fold(&nfc));
        }
    }
}
