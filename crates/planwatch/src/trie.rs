//! A character trie of words, each carrying a value: the longest word a text starts with (a
//! forward trie) or ends with (a backward trie, for looking back from a figure), in time
//! proportional to that word's length, whatever the number of words.
//!
//! Catalogue names (`indicator`), the extractor's indicator matcher and the word lists of the
//! grammar all use it.

/// A node of the trie: an index into its node table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Node(u32);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry<V> {
    /// Sorted by character.
    edges: Vec<(char, u32)>,
    value: Option<V>,
}

impl<V> Default for Entry<V> {
    fn default() -> Self {
        Entry {
            edges: Vec::new(),
            value: None,
        }
    }
}

/// Which end of a text words are matched at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reading {
    /// Words a text starts with.
    Forward,
    /// Words a text ends with (stored reversed).
    Backward,
}

/// A trie of words with values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Trie<V> {
    nodes: Vec<Entry<V>>,
    reading: Reading,
}

impl<V: Copy> Default for Trie<V> {
    fn default() -> Self {
        Trie::forward()
    }
}

impl<V: Copy> Trie<V> {
    /// An empty trie matching words a text starts with.
    pub(crate) fn forward() -> Self {
        Trie {
            nodes: vec![Entry::default()],
            reading: Reading::Forward,
        }
    }

    /// An empty trie matching words a text ends with.
    pub(crate) fn backward() -> Self {
        Trie {
            nodes: vec![Entry::default()],
            reading: Reading::Backward,
        }
    }

    /// A trie of `words`, forward or backward.
    pub(crate) fn of<'w>(words: impl IntoIterator<Item = (&'w str, V)>, backward: bool) -> Self {
        let mut t = if backward {
            Trie::backward()
        } else {
            Trie::forward()
        };
        for (w, v) in words {
            t.insert(w, v);
        }
        t
    }

    /// Adds `word` with `value`; a word already present keeps its first value, and the empty
    /// word is ignored.
    pub(crate) fn insert(&mut self, word: &str, value: V) {
        let mut node = 0usize;
        let mut add = |c: char, node: &mut usize| {
            *node = match self.nodes[*node].edges.binary_search_by_key(&c, |e| e.0) {
                Ok(k) => self.nodes[*node].edges[k].1 as usize,
                Err(k) => {
                    let new = self.nodes.len();
                    self.nodes.push(Entry::default());
                    self.nodes[*node].edges.insert(k, (c, new as u32));
                    new
                }
            };
        };
        match self.reading {
            Reading::Forward => word.chars().for_each(|c| add(c, &mut node)),
            Reading::Backward => word.chars().rev().for_each(|c| add(c, &mut node)),
        }
        if node != 0 && self.nodes[node].value.is_none() {
            self.nodes[node].value = Some(value);
        }
    }

    /// The root: no character read yet.
    pub(crate) fn root(&self) -> Node {
        Node(0)
    }

    /// The node reached from `node` by `c`, if any word continues so.
    #[inline]
    pub(crate) fn step(&self, node: Node, c: char) -> Option<Node> {
        let edges = &self.nodes[node.0 as usize].edges;
        edges
            .binary_search_by_key(&c, |e| e.0)
            .ok()
            .map(|k| Node(edges[k].1))
    }

    /// The value of the word ending at `node`, if a word ends there.
    #[inline]
    pub(crate) fn value(&self, node: Node) -> Option<V> {
        self.nodes[node.0 as usize].value
    }

    /// Walks `chars` down the trie: the longest word read (value, bytes), and the node reached
    /// when every character was read.
    fn walk(&self, chars: impl Iterator<Item = char>) -> (Option<(V, usize)>, Option<Node>) {
        let mut node = self.root();
        let mut best = None;
        let mut len = 0;
        for c in chars {
            let Some(next) = self.step(node, c) else {
                return (best, None);
            };
            node = next;
            len += c.len_utf8();
            if let Some(v) = self.value(node) {
                best = Some((v, len));
            }
        }
        (best, Some(node))
    }

    /// The longest word `s` starts with (a forward trie) or ends with (a backward one): its
    /// value and length in bytes.
    pub(crate) fn longest(&self, s: &str) -> Option<(V, usize)> {
        match self.reading {
            Reading::Forward => self.walk(s.chars()).0,
            Reading::Backward => self.walk(s.chars().rev()).0,
        }
    }

    /// The longest word `s` starts with (or ends with, backward), and the node reached when the
    /// whole of `s` is the start (or end) of some word.
    pub(crate) fn longest_and_node(&self, s: &str) -> (Option<(V, usize)>, Option<Node>) {
        match self.reading {
            Reading::Forward => self.walk(s.chars()),
            Reading::Backward => self.walk(s.chars().rev()),
        }
    }

    /// The node reached from `node` by the characters of `s` (read in the trie's direction).
    pub(crate) fn follow(&self, node: Node, s: &str) -> Option<Node> {
        let mut n = node;
        match self.reading {
            Reading::Forward => {
                for c in s.chars() {
                    n = self.step(n, c)?;
                }
            }
            Reading::Backward => {
                for c in s.chars().rev() {
                    n = self.step(n, c)?;
                }
            }
        }
        Some(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_by_prefix_and_by_suffix() {
        let words = [("增长", 1), ("增", 2), ("长期", 3)];
        let f = Trie::of(words, false);
        assert_eq!(f.longest("增长5%"), Some((1, 6)));
        assert_eq!(f.longest("增5%"), Some((2, 3)));
        assert_eq!(f.longest("5%"), None);
        let b = Trie::of(words, true);
        assert_eq!(b.longest("国内生产总值增长"), Some((1, 6)));
        assert_eq!(b.longest("长期"), Some((3, 6)));
        assert_eq!(b.longest("增长率"), None);
        // The first value of a repeated word stays; the empty word is no word.
        let mut t = Trie::forward();
        t.insert("预算", 1);
        t.insert("预算", 2);
        t.insert("", 3);
        assert_eq!((t.longest("预算收入"), t.longest("")), (Some((1, 6)), None));
        let (best, node) = t.longest_and_node("预");
        assert_eq!(best, None);
        let node = node.and_then(|n| t.follow(n, "算"));
        assert_eq!(node.and_then(|n| t.value(n)), Some(1));
    }
}
