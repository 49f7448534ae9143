#include "report_document.h"

#include <sstream>

namespace isl::report {

namespace {

// Markdown: backslash the characters that would start markup inside running text or a cell.
std::string markdown_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::string("\\`*_[]<>|#").find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

// Links are relative file names; spaces and the few characters Markdown reads in a link are encoded.
std::string link_target(const std::string& file) {
  std::string out;
  for (char c : file) {
    if (c == ' ') out += "%20";
    else if (c == '(') out += "%28";
    else if (c == ')') out += "%29";
    else out += c;
  }
  return out;
}

std::string markdown_spans(const std::vector<Span>& spans) {
  std::string out;
  for (const Span& span : spans) {
    if (span.link.empty()) {
      out += markdown_escaped(span.text);
      continue;
    }
    out += '[';
    out += markdown_escaped(span.text);
    out += "](";
    out += link_target(span.link);
    out += ')';
  }
  return out;
}

std::string html_spans(const std::vector<Span>& spans) {
  std::string out;
  for (const Span& span : spans)
    out += span.link.empty() ? html_escaped(span.text)
                             : "<a href=\"" + html_escaped(link_target(span.link)) + "\">" + html_escaped(span.text) + "</a>";
  return out;
}

}  // namespace

std::string html_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

void ReportDocument::heading(int level, std::string text) {
  Block block;
  block.kind = Block::Heading;
  block.level = level;
  block.spans = {{std::move(text), {}}};
  blocks_.push_back(std::move(block));
}

void ReportDocument::paragraph(std::vector<Span> spans) {
  Block block;
  block.kind = Block::Paragraph;
  block.spans = std::move(spans);
  blocks_.push_back(std::move(block));
}

void ReportDocument::item(std::vector<Span> spans) {
  Block block;
  block.kind = Block::Item;
  block.spans = std::move(spans);
  blocks_.push_back(std::move(block));
}

void ReportDocument::table(const Table& table) {
  Block block;
  block.kind = Block::TableBlock;
  block.table = table;
  blocks_.push_back(std::move(block));
}

void ReportDocument::image(std::string file, std::string caption) {
  Block block;
  block.kind = Block::Image;
  block.image = std::move(file);
  block.caption = std::move(caption);
  blocks_.push_back(std::move(block));
}

std::string ReportDocument::markdown() const {
  std::ostringstream out;
  for (size_t b = 0; b < blocks_.size(); ++b) {
    const Block& block = blocks_[b];
    const bool next_is_item = b + 1 < blocks_.size() && blocks_[b + 1].kind == Block::Item;
    switch (block.kind) {
      case Block::Heading: out << std::string(size_t(block.level), '#') << ' ' << markdown_spans(block.spans) << "\n\n"; break;
      case Block::Paragraph: out << markdown_spans(block.spans) << "\n\n"; break;
      case Block::Item: out << "- " << markdown_spans(block.spans) << (next_is_item ? "\n" : "\n\n"); break;
      case Block::Image:
        out << "![" << markdown_escaped(block.caption) << "](" << link_target(block.image) << ")\n\n";
        break;
      case Block::TableBlock: {
        const Table& t = block.table;
        out << '|';
        for (const auto& cell : t.shown_header) out << ' ' << markdown_escaped(cell) << " |";
        out << "\n|";
        for (size_t k = 0; k < t.shown_header.size(); ++k) out << (k ? " ---: |" : " --- |");
        out << '\n';
        for (const auto& row : t.shown_rows) {
          out << '|';
          for (const auto& cell : row) out << ' ' << markdown_escaped(cell) << " |";
          out << '\n';
        }
        out << '\n';
        break;
      }
    }
  }
  return out.str();
}

std::string ReportDocument::html(const std::string& title) const {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << html_escaped(title)
      << "</title>\n<style>\nbody { font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; }\n"
         "table { border-collapse: collapse; margin: 1em 0; }\n"
         "th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; }\ntd { text-align: right; }\n"
         "td:first-child { text-align: left; }\nimg { max-width: 100%; }\n</style>\n</head>\n<body>\n";
  bool in_list = false;
  for (const Block& block : blocks_) {
    if (block.kind != Block::Item && in_list) {
      out << "</ul>\n";
      in_list = false;
    }
    switch (block.kind) {
      case Block::Heading:
        out << "<h" << block.level << '>' << html_spans(block.spans) << "</h" << block.level << ">\n";
        break;
      case Block::Paragraph: out << "<p>" << html_spans(block.spans) << "</p>\n"; break;
      case Block::Item:
        if (!in_list) out << "<ul>\n";
        in_list = true;
        out << "<li>" << html_spans(block.spans) << "</li>\n";
        break;
      case Block::Image:
        out << "<p><img src=\"" << html_escaped(link_target(block.image)) << "\" alt=\"" << html_escaped(block.caption)
            << "\"></p>\n";
        break;
      case Block::TableBlock: {
        out << "<table>\n<thead><tr>";
        for (const auto& cell : block.table.shown_header) out << "<th>" << html_escaped(cell) << "</th>";
        out << "</tr></thead>\n<tbody>\n";
        for (const auto& row : block.table.shown_rows) {
          out << "<tr>";
          for (const auto& cell : row) out << "<td>" << html_escaped(cell) << "</td>";
          out << "</tr>\n";
        }
        out << "</tbody>\n</table>\n";
        break;
      }
    }
  }
  if (in_list) out << "</ul>\n";
  out << "</body>\n</html>\n";
  return out.str();
}

std::vector<std::string> ReportDocument::linked_files() const {
  std::vector<std::string> files;
  for (const Block& block : blocks_) {
    for (const Span& span : block.spans)
      if (!span.link.empty()) files.push_back(span.link);
    if (block.kind == Block::Image) files.push_back(block.image);
  }
  return files;
}

}  // namespace isl::report
