//! A one-line text field (search, progress, help filter). Everything typed or pasted is kept in
//! NFC; input-method bursts (backspaces then replacement text) are applied in order.

use crate::domain::text::nfc;

/// A single line of text with a cursor (in chars).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
}

impl TextInput {
    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor position, in chars.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Replaces the text, cursor at the end.
    pub fn set(&mut self, text: &str) {
        self.text = nfc(&single_line(text));
        self.cursor = self.text.chars().count();
    }

    /// Empties the field.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Inserts text at the cursor (a pasted text's line breaks become spaces), keeping NFC: a
    /// combining mark typed after its letter composes with it.
    pub fn insert(&mut self, s: &str) {
        let (before, after) = self.split();
        let before = nfc(&format!("{before}{}", single_line(s)));
        let text = nfc(&format!("{before}{after}"));
        self.cursor = before.chars().count();
        self.text = text;
    }

    /// Deletes the char before the cursor.
    pub fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        let (before, after) = self.split();
        let mut before = before.to_string();
        before.pop();
        let text = format!("{before}{after}");
        self.cursor -= 1;
        self.text = text;
    }

    /// Deletes the char under the cursor.
    pub fn delete(&mut self) {
        let (before, after) = self.split();
        let mut chars = after.chars();
        chars.next();
        self.text = format!("{before}{}", chars.as_str());
    }

    /// Deletes the word before the cursor.
    pub fn delete_word(&mut self) {
        let (before, after) = self.split();
        let trimmed = before.trim_end();
        let cut = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let kept = before[..cut].to_string();
        let text = format!("{kept}{after}");
        self.cursor = kept.chars().count();
        self.text = text;
    }

    /// Moves the cursor one char left.
    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// Moves the cursor one char right.
    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    /// Cursor to the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// Cursor to the end.
    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    fn split(&self) -> (&str, &str) {
        let at = self
            .text
            .char_indices()
            .nth(self.cursor)
            .map_or(self.text.len(), |(i, _)| i);
        self.text.split_at(at)
    }
}

fn single_line(s: &str) -> String {
    s.replace(['\r', '\n', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_method_bursts_apply_in_order() {
        let mut t = TextInput::default();
        // Telex: "ho" then the IME replaces "o" with "ộ": one backspace, then the new letter.
        t.insert("h");
        t.insert("o");
        t.backspace();
        t.insert("ộ");
        t.insert(" tich");
        for _ in 0..3 {
            t.backspace();
        }
        t.insert("ịch");
        assert_eq!(t.text(), "hộ tịch");
        assert_eq!(t.cursor(), 7);
    }

    #[test]
    fn decomposed_input_is_composed() {
        let mut t = TextInput::default();
        t.insert("o");
        t.insert("\u{0323}");
        t.insert("\u{0302}");
        assert_eq!(t.text(), "ộ");
        assert_eq!(t.cursor(), 1);
    }

    #[test]
    fn editing_in_the_middle() {
        let mut t = TextInput::default();
        t.set("đăng ký");
        t.home();
        t.right();
        t.delete();
        assert_eq!(t.text(), "đng ký");
        t.end();
        t.delete_word();
        assert_eq!(t.text(), "đng ");
        t.insert("a\nb");
        assert_eq!(t.text(), "đng a b");
    }
}

/// A key that edits a one-line field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKey {
    /// A character typed.
    Char(char),
    /// Delete before the cursor (also Ctrl+H, which input methods send).
    Backspace,
    /// Delete under the cursor.
    Delete,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Empty the field.
    Clear,
    /// Cursor left.
    Left,
    /// Cursor right.
    Right,
    /// Cursor to the start.
    Home,
    /// Cursor to the end.
    End,
}

impl TextInput {
    /// Applies an editing key.
    pub fn key(&mut self, key: TextKey) {
        match key {
            TextKey::Char(c) => self.insert(c.encode_utf8(&mut [0; 4])),
            TextKey::Backspace => self.backspace(),
            TextKey::Delete => self.delete(),
            TextKey::DeleteWord => self.delete_word(),
            TextKey::Clear => self.clear(),
            TextKey::Left => self.left(),
            TextKey::Right => self.right(),
            TextKey::Home => self.home(),
            TextKey::End => self.end(),
        }
    }
}
