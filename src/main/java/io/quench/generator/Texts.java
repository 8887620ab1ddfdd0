package io.quench.generator;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Subjects, body lines and attachment bytes. Every 8-bit character leaves here already
 * encoded (RFC 2047 B or Q, quoted-printable or base64), so queue files stay 7-bit text.
 */
final class Texts {

	static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	enum Encoding {

		PLAIN, Q, B

	}

	record Subject(String text, Charset charset, Encoding encoding) {

		/** A subject its charset cannot carry would turn into '?' on the way. */
		Subject {
			if (!charset.newEncoder().canEncode(text)) {
				throw new IllegalArgumentException("'" + text + "' cannot be written in " + charset);
			}
		}

	}

	static final Subject[] LEGIT_SUBJECTS = {
			new Subject("Besprechung am Donnerstag", StandardCharsets.US_ASCII, Encoding.PLAIN),
			new Subject("Änderung der Öffnungszeiten im Bürgerbüro", StandardCharsets.ISO_8859_1, Encoding.Q),
			new Subject("Grüße aus München und Rückfragen zum Angebot", StandardCharsets.UTF_8, Encoding.Q),
			new Subject("Angebot für Büromöbel – bitte prüfen", WINDOWS_1252, Encoding.Q),
			new Subject("会議の議事録を送ります", ISO_2022_JP, Encoding.B),
			new Subject("Résumé – réunion de projet œuvre commune", WINDOWS_1252, Encoding.B),
			new Subject("Quarterly report draft", StandardCharsets.US_ASCII, Encoding.PLAIN),
			new Subject("Urlaubsvertretung ab Montag", StandardCharsets.US_ASCII, Encoding.PLAIN),
			new Subject("Rechnung März – Korrektur", StandardCharsets.UTF_8, Encoding.B),
			new Subject("Προσφορά για το έργο", StandardCharsets.UTF_8, Encoding.B),
			new Subject("Straßensperrung Hauptstraße: Umleitung", StandardCharsets.ISO_8859_1, Encoding.B),
			new Subject("Termin Zahnarzt verschoben", StandardCharsets.US_ASCII, Encoding.PLAIN),
			new Subject("見積書の件について", ISO_2022_JP, Encoding.B),
			new Subject("Protokoll der Sitzung vom Dienstag", StandardCharsets.US_ASCII, Encoding.PLAIN),
			new Subject("Überstunden im Dezember", StandardCharsets.UTF_8, Encoding.Q) };

	static final String[] REPLY_PREFIXES = { "", "", "", "Re: ", "AW: ", "WG: ", "Fwd: " };

	/** The spam campaign's subject: one template per seed, numbers varied per message. */
	static final Subject[] SPAM_TEMPLATES = {
			new Subject("Ihre Rechnung Nr. %d – Zahlung über %d,%02d € fällig", WINDOWS_1252, Encoding.Q),
			new Subject("Your parcel #%d is on hold – pay %d.%02d € customs fee", StandardCharsets.UTF_8, Encoding.B),
			new Subject("Konto %d gesperrt - bestätigen Sie bis %d.%02d. Ihre Daten", StandardCharsets.ISO_8859_1,
					Encoding.Q),
			new Subject("【重要】お客様のアカウント%dを確認してください（%d円%02d）", ISO_2022_JP, Encoding.B) };

	static final Subject NEWSLETTER = new Subject(
			"Newsletter %d: Neuigkeiten aus den Stadtwerken - Änderungen im Kundenportal", StandardCharsets.ISO_8859_1,
			Encoding.Q);

	static final Subject INVITATION = new Subject("Einladung zum Kundentag am 12. Dezember – jetzt anmelden",
			StandardCharsets.UTF_8, Encoding.Q);

	/** Quoted-printable UTF-8 body lines, each shorter than 76 characters. */
	static final String[] LEGIT_LINES = { "Hallo zusammen,", "anbei wie besprochen die aktuelle Fassung.",
			"Bitte gebt mir bis Freitag R=C3=BCckmeldung, ob das so passt.",
			"Die Unterlagen liegen auch im gemeinsamen Ordner.",
			"Wir treffen uns um 10 Uhr im gro=C3=9Fen Besprechungsraum.",
			"F=C3=BCr Fragen stehe ich gern zur Verf=C3=BCgung.",
			"Thanks for the quick reply, I will forward it to the team.",
			"Der Termin mit dem Bauamt wurde auf n=C3=A4chste Woche verschoben.", ".. siehe Anhang",
			"Kannst du bitte die Zahlen f=C3=BCr das dritte Quartal pr=C3=BCfen?", "Viele Gr=C3=BC=C3=9Fe",
			"Mit freundlichen Gr=C3=BC=C3=9Fen", "--", "Stadtwerke Beispielstadt, Hauptstra=C3=9Fe 1" };

	static final String[] SPAM_LINES = { "Sehr geehrter Kunde,", "Dear customer,",
			"your account has been suspended due to unusual activity.",
			"Ihre Zahlung ist =C3=BCberf=C3=A4llig. Bitte begleichen Sie den Betrag sofort.",
			"To avoid additional fees please confirm your details within 24 hours:",
			"Klicken Sie hier, um Ihre Daten zu best=C3=A4tigen:", "We apologise for any inconvenience.",
			"Ihr Kundenservice" };

	/** Random base64 lines for attachments (76 characters, no line end). */
	static final int BASE64_LINES = 32_768;

	static final byte[] BASE64_BLOCK = base64Block();

	private Texts() {
	}

	private static byte[] base64Block() {
		SplittableRandom random = new SplittableRandom(0x42415345L);
		byte[] raw = new byte[BASE64_LINES * 57];
		random.nextBytes(raw);
		return Base64.getEncoder().encode(raw);
	}

	/**
	 * The header value: plain, or RFC 2047 encoded words folded with the given line end.
	 */
	static void header(Bytes out, String text, Charset charset, Encoding encoding) {
		switch (encoding) {
			case PLAIN -> out.ascii(text);
			case B -> words(out, text, charset, 15, true);
			case Q -> words(out, text, charset, 18, false);
		}
	}

	private static void words(Bytes out, String text, Charset charset, int charsPerWord, boolean base64) {
		int at = 0;
		boolean first = true;
		while (at < text.length()) {
			int end = Math.min(text.length(), at + charsPerWord);
			if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
				end--;
			}
			byte[] bytes = text.substring(at, end).getBytes(charset);
			if (!first) {
				out.eol().add(' ');
			}
			out.ascii("=?").ascii(charset.name()).ascii(base64 ? "?B?" : "?Q?");
			if (base64) {
				out.bytes(Base64.getEncoder().encode(bytes));
			}
			else {
				for (byte b : bytes) {
					int c = b & 0xFF;
					if (c == ' ') {
						out.add('_');
					}
					else if (c > 32 && c < 127 && c != '=' && c != '?' && c != '_') {
						out.add((char) c);
					}
					else {
						out.add('=').hex(c, 2);
					}
				}
			}
			out.ascii("?=");
			first = false;
			at = end;
		}
	}

	/** A display name, Q-encoded in ISO-8859-1 when it is not ASCII. */
	static void displayName(Bytes out, String name) {
		boolean ascii = name.chars().allMatch(c -> c < 128);
		if (ascii) {
			out.add('"').ascii(name).add('"');
		}
		else {
			words(out, name, StandardCharsets.ISO_8859_1, 40, false);
		}
	}

}
