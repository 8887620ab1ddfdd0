package io.quench.preview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, de-duplicates and defangs URLs. Nothing is fetched or resolved.
 */
final class Links {

	/**
	 * A URL kept longer than this is cut (a {@code data:} URL can be megabytes): enough
	 * to recognise any real link.
	 */
	static final int MAX_URL_CHARS = 2048;

	/** http/https/ftp URLs and {@code www.} host names in text. */
	private static final Pattern TEXT_URL = Pattern
		.compile("(?i)\\b(?:(?:https?|ftp)://|www\\.)[^\\s<>\"'`{}|\\\\^\\[\\]]+");

	private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]{0,31}):(.*)$", Pattern.DOTALL);

	/** Shown text that looks like a URL or a domain name: its host is group 1. */
	private static final Pattern LOOKS_LIKE_URL = Pattern.compile(
			"(?i)^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/\\s]*@)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,63})\\.?(?::\\d+)?(?:[/?#].*)?$");

	private final int max;

	private final Map<String, FoundLink> found = new LinkedHashMap<>();

	private boolean capped;

	Links(int max) {
		this.max = max;
	}

	/** Adds a link once; false if the cap was reached (it is then not added). */
	boolean add(String url, String shownText, String where) {
		if (url == null) {
			return true;
		}
		String trimmed = url.strip();
		if (trimmed.isEmpty() || trimmed.startsWith("#")) {
			return true;
		}
		if (trimmed.length() > MAX_URL_CHARS) {
			trimmed = trimmed.substring(0, MAX_URL_CHARS) + "\u2026";
		}
		String shown = (shownText != null) ? shownText.strip() : null;
		if (shown != null && shown.length() > MAX_URL_CHARS) {
			shown = shown.substring(0, MAX_URL_CHARS) + "\u2026";
		}
		if (shown != null && shown.isEmpty()) {
			shown = null;
		}
		String key = trimmed + "\u0000" + ((shown != null) ? shown : "") + "\u0000" + where;
		if (this.found.containsKey(key)) {
			return true;
		}
		if (this.found.size() >= this.max) {
			this.capped = true;
			return false;
		}
		this.found.put(key, new FoundLink(trimmed, defang(trimmed), shown, mismatch(trimmed, shown), where));
		return true;
	}

	/** Adds every URL in plain text. */
	void addFromText(String text, String where) {
		Matcher m = TEXT_URL.matcher(text);
		while (m.find()) {
			if (!add(trimTrailingPunctuation(m.group()), null, where)) {
				return;
			}
		}
	}

	boolean capped() {
		return this.capped;
	}

	List<FoundLink> list() {
		return List.copyOf(this.found.values());
	}

	/** The URLs in plain text, trailing punctuation removed. */
	static List<String> inText(String text) {
		Matcher m = TEXT_URL.matcher(text);
		java.util.ArrayList<String> urls = new java.util.ArrayList<>();
		while (m.find()) {
			urls.add(trimTrailingPunctuation(m.group()));
		}
		return urls;
	}

	private static String trimTrailingPunctuation(String url) {
		int end = url.length();
		while (end > 0 && ".,;:!?)'\"".indexOf(url.charAt(end - 1)) >= 0) {
			end--;
		}
		return url.substring(0, end);
	}

	/**
	 * Makes a URL inert to copy-paste and auto-linking: {@code http} to {@code hxxp},
	 * {@code https} to {@code hxxps}, {@code ftp} to {@code fxp}, other schemes get
	 * {@code [:]}; dots in the host become {@code [.]}, the {@code @} before the host
	 * {@code [@]}.
	 */
	static String defang(String url) {
		String rest = url;
		String scheme = null;
		Matcher m = SCHEME.matcher(url);
		if (m.matches() && !url.regionMatches(true, 0, "www.", 0, 4)) {
			scheme = m.group(1);
			rest = m.group(2);
		}
		StringBuilder out = new StringBuilder(url.length() + 16);
		if (scheme != null) {
			String lower = scheme.toLowerCase(Locale.ROOT);
			switch (lower) {
				case "http" -> out.append("hxxp:");
				case "https" -> out.append("hxxps:");
				case "ftp" -> out.append("fxp:");
				default -> out.append(scheme).append("[:]");
			}
		}
		boolean hierarchical = rest.startsWith("//") || rest.startsWith("\\\\");
		if (hierarchical) {
			out.append(rest, 0, 2);
			rest = rest.substring(2);
		}
		if (hierarchical || scheme == null || scheme.equalsIgnoreCase("mailto")) {
			int end = 0;
			while (end < rest.length() && "/?#\\".indexOf(rest.charAt(end)) < 0) {
				end++;
			}
			String authority = rest.substring(0, end);
			int at = authority.lastIndexOf('@');
			if (at >= 0) {
				out.append(authority, 0, at).append("[@]");
				authority = authority.substring(at + 1);
			}
			out.append(authority.replace(".", "[.]"));
			out.append(rest, end, rest.length());
		}
		else {
			out.append(rest);
		}
		return out.toString();
	}

	/** The host of a URL, lower case, without a leading {@code www.}; null if none. */
	static String host(String url) {
		Matcher m = LOOKS_LIKE_URL.matcher(url.strip());
		if (!m.matches()) {
			return null;
		}
		String host = m.group(1).toLowerCase(Locale.ROOT);
		return host.startsWith("www.") ? host.substring(4) : host;
	}

	/**
	 * Whether the shown text looks like a URL or domain whose host is not the link's (the
	 * link's host may be a subdomain of the shown one).
	 */
	static boolean mismatch(String url, String shownText) {
		if (shownText == null) {
			return false;
		}
		String shownHost = host(shownText);
		if (shownHost == null) {
			return false;
		}
		Matcher scheme = SCHEME.matcher(url.strip());
		boolean web = !scheme.matches() || scheme.group(1).equalsIgnoreCase("http")
				|| scheme.group(1).equalsIgnoreCase("https") || scheme.group(1).equalsIgnoreCase("ftp");
		String urlHost = web ? host(url) : null;
		if (urlHost == null) {
			// The text shows a web address, the link is not one (javascript:, data:...).
			return true;
		}
		return !(urlHost.equals(shownHost) || urlHost.endsWith("." + shownHost));
	}

}
