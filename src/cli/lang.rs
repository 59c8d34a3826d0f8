//! The interface language, decided before clap parses: clap's own words (help, errors) are
//! chosen from it.

use std::ffi::{OsStr, OsString};

use crate::i18n::Lang;

/// The language named by a `--lang` value as clap would accept it.
fn named(value: &OsStr) -> Option<Lang> {
    match value.to_str()? {
        "vi" => Some(Lang::Vi),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The language from the raw arguments (the program name first): the last `--lang en|vi` or
/// `--lang=en|vi` before a `--`; else `env` (the value of `STEERDECK_LANG`); else what
/// `settings` says; else Vietnamese. A value that names no language is passed over here (clap
/// then refuses it, in the language found after it).
pub fn early_lang(
    args: &[OsString],
    env: Option<&OsStr>,
    settings: impl FnOnce() -> Option<Lang>,
) -> Lang {
    let mut found = None;
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            if let Some(lang) = rest.next().and_then(|v| named(v)) {
                found = Some(lang);
            }
        } else if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--lang="))
            && let Some(lang) = named(OsStr::new(value))
        {
            found = Some(lang);
        }
    }
    found
        .or_else(|| env.and_then(named))
        .or_else(settings)
        .unwrap_or_default()
}

/// [`early_lang`] for this process: its arguments, `STEERDECK_LANG` and the settings file (a
/// settings file that cannot be read says nothing here; the command reports it later).
pub fn process_lang(args: &[OsString]) -> Lang {
    let env = std::env::var_os("STEERDECK_LANG");
    early_lang(args, env.as_deref(), || {
        crate::config::Config::load(crate::config::config_path().as_deref())
            .ok()
            .and_then(|c| c.lang)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("steerdeck")
            .chain(list.iter().copied())
            .map(OsString::from)
            .collect()
    }

    fn lang(list: &[&str], env: Option<&str>, settings: Option<Lang>) -> Lang {
        early_lang(&args(list), env.map(OsStr::new), || settings)
    }

    #[test]
    fn vietnamese_when_nothing_says_otherwise() {
        assert_eq!(lang(&[], None, None), Lang::Vi);
        assert_eq!(lang(&["list", "--overdue"], None, None), Lang::Vi);
    }

    #[test]
    fn the_flag_in_either_spelling_anywhere_before_a_double_dash() {
        assert_eq!(lang(&["--lang", "en"], None, None), Lang::En);
        assert_eq!(lang(&["--lang=en"], None, None), Lang::En);
        assert_eq!(
            lang(&["list", "--lang", "en", "--overdue"], None, None),
            Lang::En
        );
        assert_eq!(
            lang(&["--lang", "vi"], Some("en"), Some(Lang::En)),
            Lang::Vi
        );
        assert_eq!(lang(&["--lang=en", "--lang", "vi"], None, None), Lang::Vi);
        assert_eq!(lang(&["show", "--", "--lang=en"], None, None), Lang::Vi);
    }

    #[test]
    fn then_the_environment_then_the_settings_file() {
        assert_eq!(lang(&[], Some("en"), None), Lang::En);
        assert_eq!(lang(&[], Some("vi"), Some(Lang::En)), Lang::Vi);
        assert_eq!(lang(&[], None, Some(Lang::En)), Lang::En);
        assert_eq!(lang(&[], Some("fr"), Some(Lang::En)), Lang::En);
    }

    #[test]
    fn a_value_that_names_no_language_is_passed_over() {
        assert_eq!(lang(&["--lang", "fr"], Some("en"), None), Lang::En);
        assert_eq!(lang(&["--lang=EN"], None, None), Lang::Vi);
        assert_eq!(lang(&["--lang"], None, Some(Lang::En)), Lang::En);
        assert_eq!(lang(&["--language=en"], None, None), Lang::Vi);
    }
}
