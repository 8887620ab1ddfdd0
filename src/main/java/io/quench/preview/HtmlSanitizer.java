package io.quench.preview;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Cleans hostile HTML with jsoup: what would load, run or navigate is removed, remote
 * images and frames are replaced by visible placeholders naming the blocked URL, anchors
 * become text followed by the defanged URL. Every URL seen is reported as a link, every
 * removed remote resource as blocked.
 */
final class HtmlSanitizer {

	/** CSS {@code url(...)}, quoted or not. */
	private static final Pattern CSS_URL = Pattern.compile("(?i)url\\s*\\(\\s*(['\"]?)([^'\")]*)\\1\\s*\\)");

	/** CSS {@code @import "..."} without url(). */
	private static final Pattern CSS_IMPORT = Pattern.compile("(?i)@import\\s+(['\"])([^'\"]*)\\1");

	private static final Pattern FONT_FACE = Pattern.compile("(?is)@font-face\\s*\\{[^}]*\\}");

	/** What makes an inline style unsafe: anything that loads or runs. */
	private static final Pattern UNSAFE_STYLE = Pattern.compile(
			"(?i)url\\s*\\(|expression\\s*\\(|@import|behavior|-moz-binding|javascript:|vbscript:|image-set|\\\\|/\\*");

	private static final Pattern REFRESH_URL = Pattern.compile("(?i)url\\s*=\\s*['\"]?([^'\"\\s;]+)");

	private static final Pattern SRCSET_URL = Pattern.compile("\\s*([^\\s,]+)(?:\\s+[^,]*)?,?");

	private static final Set<String> BLOCK = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
			"table", "ul", "ol", "blockquote", "pre", "hr", "dt", "dd", "section", "article", "header", "footer",
			"title");

	private static final Safelist SAFELIST = safelist();

	private final Links links;

	private final Set<BlockedResource> blocked = new LinkedHashSet<>();

	HtmlSanitizer(Links links) {
		this.links = links;
	}

	private static Safelist safelist() {
		Safelist safelist = Safelist.relaxed()
			// Anchors were turned into spans already; no live link may survive.
			.removeTags("a")
			.removeAttributes("blockquote", "cite")
			.removeAttributes("q", "cite")
			.removeProtocols("img", "src", "http", "https")
			.addProtocols("img", "src", "data")
			.addTags("font", "center", "hr", "s", "del", "ins", "mark", "abbr", "address", "small", "big", "tt",
					"section", "article", "header", "footer", "main", "nav", "figure", "figcaption")
			.addAttributes(":all", "style", "align", "valign", "bgcolor", "width", "height", "dir", "lang", "title")
			.addAttributes("table", "border", "cellpadding", "cellspacing")
			.addAttributes("font", "color", "face", "size")
			.addAttributes("span", "class");
		return safelist;
	}

	List<BlockedResource> blocked() {
		return new ArrayList<>(this.blocked);
	}

	/** The text of the HTML, with line breaks for block elements. */
	static String text(Document document) {
		StringBuilder text = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode t) {
					text.append(t.text());
				}
				else if (node instanceof Element e && BLOCK.contains(e.normalName()) && text.length() > 0
						&& text.charAt(text.length() - 1) != '\n') {
					text.append('\n');
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element e && BLOCK.contains(e.normalName()) && text.length() > 0
						&& text.charAt(text.length() - 1) != '\n') {
					text.append('\n');
				}
			}
		}, document.body());
		return text.toString().replaceAll("[ \\t\\u00a0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}

	static Document parse(String html) {
		return Jsoup.parse(html);
	}

	/**
	 * Cleans the parsed HTML (changing it) and returns the body fragment. Collects links
	 * and blocked resources on the way.
	 */
	String sanitize(Document dirty) {
		// Links and blocked resources from the whole document (head included), before
		// anything is changed.
		for (Element e : dirty.getAllElements()) {
			collect(e);
		}
		for (Element e : dirty.getAllElements()) {
			// A message's own class names could spoof the placeholders.
			e.removeAttr("class");
		}
		for (Element e : new ArrayList<>(dirty.getAllElements())) {
			rewrite(e);
		}
		Document clean = new Cleaner(SAFELIST).clean(dirty);
		for (Element e : clean.getAllElements()) {
			String style = e.attr("style");
			if (!style.isEmpty() && UNSAFE_STYLE.matcher(style).find()) {
				e.removeAttr("style");
			}
			if (e.normalName().equals("img")) {
				String src = e.attr("src");
				if (!src.isEmpty() && !src.regionMatches(true, 0, "data:image/", 0, 11)) {
					e.removeAttr("src");
				}
			}
		}
		clean.outputSettings().prettyPrint(false);
		return clean.body().html();
	}

	private void collect(Element e) {
		String tag = e.normalName();
		for (Attribute attribute : e.attributes()) {
			String name = attribute.getKey().toLowerCase(Locale.ROOT);
			String value = attribute.getValue();
			switch (name) {
				case "href", "xlink:href" -> {
					if (tag.equals("a") || tag.equals("area")) {
						this.links.add(value, e.text(), "html");
					}
					else {
						this.links.add(value, null, "html");
						if (tag.equals("link")) {
							String rel = e.attr("rel").toLowerCase(Locale.ROOT);
							block(rel.contains("stylesheet") ? "stylesheet" : "import", value);
						}
						else if (tag.equals("base")) {
							block("base", value);
						}
						else if (isInSvg(e)) {
							block("svg", value);
						}
					}
				}
				case "src", "data", "poster", "background", "action", "formaction", "dynsrc", "lowsrc", "codebase",
						"archive", "longdesc", "code" -> {
					this.links.add(value, null, "html");
					if (isRemote(value) || !tag.equals("img")) {
						block(kindOf(tag, name), value);
					}
				}
				case "srcset" -> {
					Matcher m = SRCSET_URL.matcher(value);
					while (m.find()) {
						if (!m.group(1).isEmpty()) {
							this.links.add(m.group(1), null, "html");
							block("image", m.group(1));
						}
					}
				}
				case "style" -> css(value, "image");
				case "content" -> {
					if (tag.equals("meta") && e.attr("http-equiv").equalsIgnoreCase("refresh")) {
						Matcher m = REFRESH_URL.matcher(value);
						if (m.find()) {
							this.links.add(m.group(1), null, "html");
							block("meta-refresh", m.group(1));
						}
					}
				}
				default -> {
				}
			}
		}
		if (tag.equals("style")) {
			css(e.data(), "stylesheet");
		}
	}

	private static boolean isInSvg(Element e) {
		for (Element p = e; p != null; p = p.parent()) {
			if (p.normalName().equals("svg")) {
				return true;
			}
		}
		return false;
	}

	private static String kindOf(String tag, String attribute) {
		if (attribute.equals("action") || attribute.equals("formaction")) {
			return "form";
		}
		return switch (tag) {
			case "img", "body", "table", "td", "th", "tr", "input", "image" -> "image";
			case "iframe", "frame", "frameset" -> "frame";
			case "script" -> "script";
			case "object", "embed", "applet", "video", "audio", "source", "track", "param" -> "object";
			case "svg", "use", "feimage" -> "svg";
			case "link" -> "stylesheet";
			case "form", "button" -> "form";
			default -> "image";
		};
	}

	private void css(String css, String kind) {
		Matcher fonts = FONT_FACE.matcher(css);
		while (fonts.find()) {
			Matcher urls = CSS_URL.matcher(fonts.group());
			while (urls.find()) {
				this.links.add(urls.group(2), null, "html");
				block("font", urls.group(2));
			}
		}
		String rest = FONT_FACE.matcher(css).replaceAll("");
		Matcher imports = Pattern.compile("(?i)@import\\s+url\\s*\\(\\s*(['\"]?)([^'\")]*)\\1\\s*\\)").matcher(rest);
		while (imports.find()) {
			this.links.add(imports.group(2), null, "html");
			block("import", imports.group(2));
		}
		Matcher quoted = CSS_IMPORT.matcher(rest);
		while (quoted.find()) {
			this.links.add(quoted.group(2), null, "html");
			block("import", quoted.group(2));
		}
		String other = Pattern.compile("(?i)@import\\s+url\\s*\\([^)]*\\)").matcher(rest).replaceAll("");
		Matcher urls = CSS_URL.matcher(other);
		while (urls.find()) {
			this.links.add(urls.group(2), null, "html");
			block(kind.equals("stylesheet") ? "image" : kind, urls.group(2));
		}
	}

	private void block(String kind, String url) {
		if (url == null) {
			return;
		}
		String u = url.strip();
		if (u.isEmpty() || u.regionMatches(true, 0, "data:image/", 0, 11) && !kind.equals("svg")
				&& !kind.equals("frame") && !kind.equals("object") && !kind.equals("script")) {
			return;
		}
		if (u.length() > Links.MAX_URL_CHARS) {
			u = u.substring(0, Links.MAX_URL_CHARS) + "\u2026";
		}
		this.blocked.add(new BlockedResource(kind, u));
	}

	static boolean isRemote(String url) {
		String u = url.strip().toLowerCase(Locale.ROOT);
		return !(u.startsWith("data:image/") || u.startsWith("cid:") || u.isEmpty());
	}

	/** Turns anchors into text, remote images and frames into placeholders. */
	private void rewrite(Element e) {
		String tag = e.normalName();
		switch (tag) {
			case "a", "area" -> {
				String href = e.attr("href").strip();
				e.clearAttributes();
				e.tagName("span");
				e.addClass("q-link");
				if (!href.isEmpty()) {
					e.appendChild(new TextNode(" [" + Links.defang(cut(href)) + "]"));
				}
			}
			case "img", "image", "input" -> {
				String src = e.hasAttr("src") ? e.attr("src") : e.attr("href");
				if (tag.equals("img") && !src.isEmpty() && isRemote(src) || !tag.equals("img") && !src.isEmpty()) {
					e.replaceWith(placeholder("image", src));
				}
			}
			case "iframe", "frame", "object", "embed", "applet", "video", "audio" -> {
				String src = e.hasAttr("src") ? e.attr("src") : e.attr("data");
				if (!src.isEmpty()) {
					e.replaceWith(placeholder(tag.equals("iframe") || tag.equals("frame") ? "frame" : "object", src));
				}
			}
			case "form" -> {
				String action = e.attr("action");
				if (!action.isEmpty()) {
					e.prependChild(placeholder("form", action));
				}
			}
			default -> {
			}
		}
	}

	private static String cut(String url) {
		return (url.length() > Links.MAX_URL_CHARS) ? url.substring(0, Links.MAX_URL_CHARS) + "\u2026" : url;
	}

	private static Element placeholder(String kind, String url) {
		Element span = new Element("span");
		span.addClass("q-blocked");
		span.appendText("[" + kind + " blocked: " + Links.defang(cut(url.strip())) + "]");
		return span;
	}

}
