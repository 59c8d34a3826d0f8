//! Why a file a person wrote cannot be used: it cannot be read, or its text is wrong at a line and
//! column. The settings file (`config`), plan files (`plan`) and keymap files (`keymap`) share
//! this one type, so each names the file and the place the same way.
//!
//! The message is the sentence the user reads (`file:line:column: what is wrong`); the error it
//! came from (io, TOML, JSON, UTF-8) stays attached as the `source`, so a caller can ask what kind
//! of failure it was without matching on text.

use std::error::Error;

use crate::domain::text::line_col;
use crate::i18n::Lang;

/// The error a file's text was refused with, kept as the source of a `Syntax` error.
pub type SyntaxSource = Box<dyn Error + Send + Sync + 'static>;

/// A file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The file exists but cannot be read.
    #[error("{file}: cannot read the {what}: {source}")]
    Read {
        file: String,
        /// What the file is to the user: "file", "settings file".
        what: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// The text is wrong at a place (1-based line and column, the column in characters).
    #[error("{file}:{line}:{column}: {message}")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        /// What is wrong, in a sentence without the place.
        message: String,
        #[source]
        source: SyntaxSource,
    },
    /// The bytes are not UTF-8 at a place.
    #[error("{file}:{line}:{column}: the file is not UTF-8 text (save it as UTF-8)")]
    NotUtf8 {
        file: String,
        line: usize,
        column: usize,
        #[source]
        source: std::string::FromUtf8Error,
    },
    /// The text is not TOML at a place; the message is the TOML reader's.
    #[error("{file}:{line}:{column}: TOML syntax error: {message}")]
    TomlSyntax {
        file: String,
        line: usize,
        column: usize,
        /// The TOML reader's message, on one line.
        message: String,
        #[source]
        source: SyntaxSource,
    },
}

impl FileError {
    /// `file` (a "file" to the user) cannot be read.
    pub fn read(file: &str, source: std::io::Error) -> Self {
        FileError::Read {
            file: file.to_string(),
            what: "file",
            source,
        }
    }

    /// The text of `file` is wrong at byte `offset` of `text`.
    pub fn syntax_at(
        file: &str,
        text: &str,
        offset: usize,
        message: impl Into<String>,
        source: impl Into<SyntaxSource>,
    ) -> Self {
        let (line, column) = line_col(text, offset);
        FileError::Syntax {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
            source: source.into(),
        }
    }

    /// `text`, the TOML of `file`, does not deserialize: the place is where the TOML reader
    /// points (the start of the file if nowhere), the message the reader's own.
    pub fn toml(file: &str, text: &str, source: toml::de::Error) -> Self {
        let offset = source.span().map_or(0, |s| s.start);
        let message = source.message().to_string();
        Self::syntax_at(file, text, offset, message, source)
    }

    /// The bytes of `file` are not UTF-8; `lossy` is its text with the bad bytes replaced.
    pub fn not_utf8(file: &str, source: std::string::FromUtf8Error) -> Self {
        let offset = source.utf8_error().valid_up_to();
        let lossy = String::from_utf8_lossy(source.as_bytes()).into_owned();
        let (line, column) = line_col(&lossy, offset.min(lossy.len()));
        FileError::NotUtf8 {
            file: file.to_string(),
            line,
            column,
            source,
        }
    }

    /// `text` of `file` is not TOML: the place is where the TOML reader points.
    pub fn toml_syntax(file: &str, text: &str, source: toml::de::Error) -> Self {
        let offset = source.span().map_or(0, |s| s.start);
        let (line, column) = line_col(text, offset);
        FileError::TomlSyntax {
            file: file.to_string(),
            line,
            column,
            message: source.message().trim().replace('\n', "; "),
            source: Box::new(source),
        }
    }

    /// The file's name as given in the message.
    pub fn file(&self) -> &str {
        match self {
            FileError::Read { file, .. }
            | FileError::Syntax { file, .. }
            | FileError::NotUtf8 { file, .. }
            | FileError::TomlSyntax { file, .. } => file,
        }
    }

    /// The sentence in the interface language, with the file and the place. What a parser said
    /// is kept as it wrote it.
    pub fn in_lang(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            FileError::Read { file, what, source } => {
                let what = match *what {
                    "settings file" => "tệp cài đặt",
                    "keymap file" => "tệp phím tắt",
                    _ => "tệp",
                };
                let why = match source.kind() {
                    std::io::ErrorKind::NotFound => "không tìm thấy tệp".to_string(),
                    std::io::ErrorKind::PermissionDenied => "không có quyền đọc".to_string(),
                    std::io::ErrorKind::IsADirectory => "đây là một thư mục".to_string(),
                    _ => source.to_string(),
                };
                format!("{file}: không đọc được {what}: {why}")
            }
            FileError::Syntax {
                file,
                line,
                column,
                message,
                ..
            } => format!("{file}:{line}:{column}: nội dung không hợp lệ: {message}"),
            FileError::NotUtf8 {
                file, line, column, ..
            } => format!(
                "{file}:{line}:{column}: tệp không phải văn bản UTF-8 (hãy lưu lại tệp với bảng mã UTF-8)"
            ),
            FileError::TomlSyntax {
                file,
                line,
                column,
                message,
                ..
            } => format!("{file}:{line}:{column}: lỗi cú pháp TOML: {message}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_and_the_place_and_keep_the_source() {
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied");
        let e = FileError::read("a.toml", io);
        assert_eq!(e.to_string(), "a.toml: cannot read the file: denied");
        assert_eq!(e.file(), "a.toml");
        let source = e.source().and_then(|s| s.downcast_ref::<std::io::Error>());
        assert_eq!(
            source.map(std::io::Error::kind),
            Some(std::io::ErrorKind::PermissionDenied)
        );

        let text = "a = 1\nb = \n";
        let err = toml::from_str::<toml::Table>(text).expect_err("no value");
        let e = FileError::toml("b.toml", text, err);
        assert!(e.to_string().starts_with("b.toml:2:5: "), "{e}");
        assert!(
            e.source()
                .is_some_and(|s| s.downcast_ref::<toml::de::Error>().is_some())
        );
    }

    #[test]
    fn messages_read_in_either_language() {
        let missing = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        let e = FileError::read("a.toml", missing);
        assert_eq!(e.in_lang(Lang::En), "a.toml: cannot read the file: gone");
        assert_eq!(
            e.in_lang(Lang::Vi),
            "a.toml: không đọc được tệp: không tìm thấy tệp"
        );
        let denied = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied");
        let e = FileError::Read {
            file: "config.toml".into(),
            what: "settings file",
            source: denied,
        };
        assert_eq!(
            e.in_lang(Lang::Vi),
            "config.toml: không đọc được tệp cài đặt: không có quyền đọc"
        );

        let bytes = b"ab\ncd\xff".to_vec();
        let utf8 = String::from_utf8(bytes).expect_err("not utf-8");
        let e = FileError::not_utf8("x.csv", utf8);
        assert_eq!(
            e.in_lang(Lang::En),
            "x.csv:2:3: the file is not UTF-8 text (save it as UTF-8)"
        );
        assert_eq!(
            e.in_lang(Lang::Vi),
            "x.csv:2:3: tệp không phải văn bản UTF-8 (hãy lưu lại tệp với bảng mã UTF-8)"
        );

        let text = "a = 1\nb = \n";
        let err = toml::from_str::<toml::Table>(text).expect_err("no value");
        let e = FileError::toml_syntax("k.toml", text, err);
        let en = e.in_lang(Lang::En);
        let vi = e.in_lang(Lang::Vi);
        assert!(en.starts_with("k.toml:2:5: TOML syntax error: "), "{en}");
        assert!(vi.starts_with("k.toml:2:5: lỗi cú pháp TOML: "), "{vi}");
    }

    #[test]
    fn a_place_is_one_based_and_counts_characters() {
        let e = FileError::syntax_at("c.json", "ấp\nxã!", 8, "bad", "bad");
        assert_eq!(e.to_string(), "c.json:2:3: bad");
    }
}
