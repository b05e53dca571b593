package org.lunglens.ui.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown (model cards) drawn as JavaFX nodes: commonmark-java parses it (with GitHub tables); each block becomes
 * a label, a text flow, a grid or an image. No WebView: it would add a browser engine to the app for a few pages.
 * Images are read only from files in the Markdown's folder (the app never goes to the network).
 */
public final class MarkdownView extends VBox {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final Set<String> IMAGE_TYPES = Set.of("png", "jpg", "jpeg", "gif", "bmp");

    private final Path folder;

    /** @param folder where relative image paths are resolved; null draws images as their alt text */
    public MarkdownView(String markdown, Path folder) {
        super(8);
        this.folder = folder;
        getStyleClass().add("markdown");
        for (org.commonmark.node.Node block = PARSER.parse(markdown).getFirstChild(); block != null;
             block = block.getNext()) {
            getChildren().add(block(block));
        }
    }

    private Node block(org.commonmark.node.Node block) {
        if (block instanceof Heading h) {
            Label l = new Label(plainText(h));
            l.setWrapText(true);
            l.getStyleClass().add("md-h" + Math.min(h.getLevel(), 3));
            return l;
        }
        if (block instanceof Paragraph p) {
            return paragraph(p);
        }
        if (block instanceof FencedCodeBlock code) {
            return code(code.getLiteral());
        }
        if (block instanceof IndentedCodeBlock code) {
            return code(code.getLiteral());
        }
        if (block instanceof BulletList || block instanceof OrderedList) {
            return list(block);
        }
        if (block instanceof TableBlock table) {
            return table(table);
        }
        if (block instanceof BlockQuote quote) {
            VBox box = children(quote);
            box.getStyleClass().add("md-quote");
            return box;
        }
        if (block instanceof ThematicBreak) {
            return new Separator();
        }
        // HTML blocks and anything else: their text, never interpreted
        return flow(List.of(new Text(plainText(block))));
    }

    private VBox children(org.commonmark.node.Node parent) {
        VBox box = new VBox(6);
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            box.getChildren().add(block(n));
        }
        return box;
    }

    private Node paragraph(Paragraph p) {
        // A paragraph that is only an image: the image itself, as wide as it is
        if (p.getFirstChild() instanceof org.commonmark.node.Image img && img.getNext() == null) {
            return image(img);
        }
        List<Node> parts = new ArrayList<>();
        inlines(p, parts, "");
        return flow(parts);
    }

    private void inlines(org.commonmark.node.Node parent, List<Node> out, String style) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                out.add(text(t.getLiteral(), style));
            } else if (n instanceof Code c) {
                out.add(text(c.getLiteral(), style + " md-code"));
            } else if (n instanceof SoftLineBreak) {
                out.add(text(" ", style));
            } else if (n instanceof HardLineBreak) {
                out.add(text("\n", style));
            } else if (n instanceof StrongEmphasis) {
                inlines(n, out, style + " md-strong");
            } else if (n instanceof Emphasis) {
                inlines(n, out, style + " md-em");
            } else if (n instanceof org.commonmark.node.Link link) {
                inlines(n, out, style + " md-link");
                if (!link.getDestination().startsWith("#")) {
                    out.add(text(" (" + link.getDestination() + ")", style + " md-url"));
                }
            } else if (n instanceof org.commonmark.node.Image img) {
                out.add(text("[" + plainText(img) + "]", style));
            } else if (n instanceof HtmlInline html) {
                out.add(text(html.getLiteral(), style));
            } else {
                inlines(n, out, style);
            }
        }
    }

    private static Text text(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add("md-text");
        for (String c : style.trim().split(" +")) {
            if (!c.isEmpty()) {
                t.getStyleClass().add(c);
            }
        }
        return t;
    }

    private static TextFlow flow(List<Node> parts) {
        TextFlow f = new TextFlow();
        f.getChildren().addAll(parts);
        f.setMinHeight(Region.USE_PREF_SIZE);
        return f;
    }

    private static Node code(String literal) {
        Label l = new Label(literal.stripTrailing());
        l.getStyleClass().addAll("monospace", "md-codeblock");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private Node list(org.commonmark.node.Node list) {
        VBox box = new VBox(4);
        int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem) {
                Label marker = new Label(list instanceof OrderedList ? (number++) + "." : "\u2022");
                marker.setMinWidth(22);
                VBox content = children(item);
                HBox.setHgrow(content, Priority.ALWAYS);
                box.getChildren().add(new HBox(4, marker, content));
            }
        }
        return box;
    }

    private Node table(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        grid.setHgap(12);
        grid.setVgap(3);
        int row = 0;
        for (org.commonmark.node.Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof TableHead;
            for (org.commonmark.node.Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) {
                    continue;
                }
                int col = 0;
                for (org.commonmark.node.Node cell = r.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        List<Node> parts = new ArrayList<>();
                        inlines(cell, parts, head ? "md-strong" : "");
                        grid.add(flow(parts), col++, row);
                    }
                }
                row++;
            }
        }
        return grid;
    }

    private Node image(org.commonmark.node.Image img) {
        String destination = img.getDestination();
        String ext = destination.substring(destination.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        Path file = folder == null || destination.contains(":") ? null : folder.resolve(destination).normalize();
        // Only the card's own files: a card cannot make the app read elsewhere
        if (file != null && file.startsWith(folder.normalize()) && IMAGE_TYPES.contains(ext)
                && Files.isRegularFile(file)) {
            ImageView view = new ImageView(new Image(file.toUri().toString(), 620, 0, true, true, true));
            view.setPreserveRatio(true);
            return new VBox(2, view, caption(plainText(img)));
        }
        return caption("[image: " + plainText(img) + "]");
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        return l;
    }

    /** The node's text without markup. */
    static String plainText(org.commonmark.node.Node node) {
        StringBuilder s = new StringBuilder();
        collect(node, s);
        return s.toString();
    }

    private static void collect(org.commonmark.node.Node node, StringBuilder s) {
        if (node instanceof org.commonmark.node.Text t) {
            s.append(t.getLiteral());
        } else if (node instanceof Code c) {
            s.append(c.getLiteral());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            s.append(' ');
        } else if (node instanceof org.commonmark.node.HtmlBlock html) {
            s.append(html.getLiteral());
        }
        for (org.commonmark.node.Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            collect(n, s);
        }
    }
}
