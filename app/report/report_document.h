#pragma once
// The report as a sequence of blocks (headings, paragraphs, tables, images, lists of links),
// written out as Markdown and as HTML with the same content.
#include <string>
#include <vector>

#include "report_table.h"

namespace isl::report {

// A piece of text, a link where `link` is set (relative to the report folder).
struct Span {
  std::string text;
  std::string link;
};

struct Block {
  enum Kind { Heading, Paragraph, Item, TableBlock, Image } kind = Paragraph;
  int level = 1;            // Heading
  std::vector<Span> spans;  // Heading, Paragraph, Item (a bullet list's entry)
  Table table;              // TableBlock: its shown header and rows
  std::string image;        // Image: the file, relative
  std::string caption;      // Image: its alternative text
};

class ReportDocument {
 public:
  void heading(int level, std::string text);
  void paragraph(std::vector<Span> spans);
  void item(std::vector<Span> spans);
  void table(const Table& table);
  void image(std::string file, std::string caption);

  std::string markdown() const;
  std::string html(const std::string& title) const;
  // Every file the document links to or shows, relative to its folder.
  std::vector<std::string> linked_files() const;

 private:
  std::vector<Block> blocks_;
};

// Text made safe for HTML: & < > " replaced by entities.
std::string html_escaped(const std::string& text);

}  // namespace isl::report
