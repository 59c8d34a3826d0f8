//! Parsing the command line in the interface language: clap's help and its refusals.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};

use super::args::{BadValue, Cli};
use crate::domain::status::UnknownStatus;
use crate::i18n::Lang;

/// The command line as clap knows it, with its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    match lang {
        Lang::En => Cli::command(),
        Lang::Vi => super::help_vi::localize(Cli::command()),
    }
}

/// Parses `args` (the program name first), with help and refusals in `lang`.
pub fn parse(lang: Lang, args: Vec<OsString>) -> Result<Cli, clap::Error> {
    // Read first without the Vietnamese words: a command line that parses says nothing, and
    // putting them into every command costs each process (the server's too) 0.8 MB and half a
    // millisecond. Help, the version and refusals are read again with them.
    if let Ok(cli) = Cli::command()
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        return Ok(cli);
    }
    let matches = command(lang).try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// What to tell the user when parsing failed, and the exit code: help and the version go to
/// standard output as clap writes them; a refusal is one sentence in `lang` and a pointer to the
/// help, on standard error.
pub fn report(e: &clap::Error, lang: Lang) -> std::process::ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // Nothing to do when the output is closed.
            let _ = e.print();
            std::process::ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
        }
        _ => {
            let text = crate::domain::text::printable(&sentence(e, lang), true);
            match lang {
                Lang::Vi => eprintln!("steerdeck: lỗi: {text}\nXem: steerdeck --help"),
                Lang::En => eprintln!(
                    "steerdeck: error: {text}\nFor more information, try 'steerdeck --help'."
                ),
            }
            std::process::ExitCode::from(2)
        }
    }
}

/// A context value as one string (a list is joined with ", ").
fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) if !v.is_empty() => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) if !v.is_empty() => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// "--due-by <DATE>" as the user typed it: "--due-by".
fn flag(arg: &str) -> &str {
    if arg.starts_with('-') {
        arg.split([' ', '=']).next().unwrap_or(arg)
    } else {
        arg
    }
}

/// Why a value parser refused a value, in `lang`.
fn reason(e: &clap::Error, lang: Lang) -> Option<String> {
    let source = std::error::Error::source(e)?;
    if let Some(bad) = source.downcast_ref::<BadValue>() {
        return Some(bad.in_lang(lang));
    }
    if let Some(UnknownStatus(name)) = source.downcast_ref::<UnknownStatus>() {
        return Some(match lang {
            Lang::Vi => format!(
                "không có trạng thái '{name}' (hãy chọn một trong: not-started, in-progress, blocked, done, cancelled)"
            ),
            Lang::En => source.to_string(),
        });
    }
    Some(source.to_string())
}

/// clap's own sentence, without its "error: ", its usage and its tips, on one line.
fn clap_line(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let text = rendered
        .lines()
        .take_while(|l| !l.is_empty() && !l.starts_with("Usage:"))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    text.strip_prefix("error: ").unwrap_or(&text).to_string()
}

/// "; did you mean 'x'?" after a refusal.
fn suggestion(vi: bool, what: &str, similar: &str) -> String {
    if vi {
        format!("; có phải ý bạn là '{similar}'?")
    } else {
        format!("; a similar {what} exists: '{similar}'")
    }
}

/// The refusal as one sentence in `lang`, naming the argument and the value.
pub fn sentence(e: &clap::Error, lang: Lang) -> String {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let vi = lang == Lang::Vi;
    match e.kind() {
        ErrorKind::ValueValidation => {
            let why = reason(e, lang).unwrap_or_default();
            if vi {
                format!("giá trị '{value}' không hợp lệ cho {}: {why}", flag(&arg))
            } else {
                format!("invalid value '{value}' for '{arg}': {why}")
            }
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            if vi {
                format!("thiếu giá trị cho {}", flag(&arg))
            } else {
                format!("a value is required for '{arg}' but none was supplied")
            }
        }
        ErrorKind::InvalidValue => {
            let valid = context(e, ContextKind::ValidValue).unwrap_or_default();
            let suggested = context(e, ContextKind::SuggestedValue);
            let mut s = if vi {
                format!(
                    "giá trị '{value}' không hợp lệ cho {}; các giá trị được chấp nhận: {valid}",
                    flag(&arg)
                )
            } else {
                format!("invalid value '{value}' for '{arg}'; possible values: {valid}")
            };
            if let Some(v) = suggested {
                s.push_str(&suggestion(vi, "value", &v));
            }
            s
        }
        ErrorKind::UnknownArgument => {
            let what = if arg.starts_with('-') {
                "tùy chọn"
            } else {
                "đối số"
            };
            let mut s = if vi {
                format!("{what} '{arg}' không được chấp nhận ở đây")
            } else {
                format!("unexpected argument '{arg}' found")
            };
            if let Some(similar) = context(e, ContextKind::SuggestedArg) {
                s.push_str(&suggestion(vi, "argument", &similar));
            }
            s
        }
        ErrorKind::InvalidSubcommand => {
            let name = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let mut s = if vi {
                format!("không có lệnh '{name}'")
            } else {
                format!("unrecognized subcommand '{name}'")
            };
            if let Some(similar) = context(e, ContextKind::SuggestedSubcommand) {
                s.push_str(&suggestion(vi, "subcommand", &similar));
            }
            s
        }
        ErrorKind::MissingRequiredArgument => {
            if vi {
                format!("thiếu đối số bắt buộc: {arg}")
            } else {
                format!("the following required arguments were not provided: {arg}")
            }
        }
        ErrorKind::ArgumentConflict if vi => {
            let prior = context(e, ContextKind::PriorArg).unwrap_or_default();
            if prior.is_empty() || prior == arg {
                format!("{} chỉ được dùng một lần", flag(&arg))
            } else {
                format!("không thể dùng {} cùng với {}", flag(&arg), flag(&prior))
            }
        }
        ErrorKind::NoEquals if vi => {
            format!("{} cần một giá trị viết liền sau dấu '='", flag(&arg))
        }
        ErrorKind::TooManyValues if vi => {
            format!("giá trị '{value}' thừa cho {}", flag(&arg))
        }
        ErrorKind::InvalidUtf8 if vi => "dòng lệnh có ký tự không phải UTF-8".to_string(),
        _ if vi => {
            if arg.is_empty() {
                "dòng lệnh không hợp lệ".to_string()
            } else {
                format!("dòng lệnh không hợp lệ ở {}", flag(&arg))
            }
        }
        _ => clap_line(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(lang: Lang, args: &[&str]) -> String {
        let args = std::iter::once("steerdeck").chain(args.iter().copied());
        let e = command(lang)
            .try_get_matches_from(args)
            .expect_err("refused");
        sentence(&e, lang)
    }

    #[test]
    fn flags_are_named_as_typed() {
        assert_eq!(flag("--due-by <DATE>"), "--due-by");
        assert_eq!(flag("--lang=<LANG>"), "--lang");
        assert_eq!(flag("<ID>"), "<ID>");
    }

    #[test]
    fn refusals_name_the_argument_and_the_value() {
        assert_eq!(
            refusal(Lang::Vi, &["list", "--as-of", "2025-02-30"]),
            "giá trị '2025-02-30' không hợp lệ cho --as-of: '2025-02-30' không phải là một ngày; \
             hãy viết dd/mm/yyyy hoặc YYYY-MM-DD (ví dụ 30/06/2025)"
        );
        assert_eq!(
            refusal(Lang::Vi, &["set", "IV.5", "--withdraw-note", "0"]),
            "giá trị '0' không hợp lệ cho --withdraw-note: '0' không phải là số thứ tự của một \
             ghi chú (1, 2, 3...)"
        );
        assert_eq!(
            refusal(Lang::En, &["history", "--format", "csv"]),
            "invalid value 'csv' for '--format <FORMAT>'; possible values: table, json"
        );
        assert_eq!(
            refusal(Lang::Vi, &["plans", "--activate", "a", "--activate", "b"]),
            "--activate chỉ được dùng một lần"
        );
    }
}
