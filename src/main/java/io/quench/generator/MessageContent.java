package io.quench.generator;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Writes one queue file for a {@link MessagePlan} in its dialect: the RFC 5322 message
 * (multipart text and html alternative, sometimes a base64 attachment, sized to the plan)
 * and the dialect's envelope. Reuses its buffers; one instance per writer thread.
 */
final class MessageContent {

	private static final String[] DAYS = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

	private static final String[] MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
			"Nov", "Dec" };

	private static final byte[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
		.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private final Cast cast;

	private final Timeline timeline;

	private final Texts.Subject spamSubject;

	private final Bytes message = new Bytes(1 << 16);

	MessageContent(Cast cast, Timeline timeline, long seed) {
		this.cast = cast;
		this.timeline = timeline;
		this.spamSubject = Texts.SPAM_TEMPLATES[(int) Math.floorMod(seed, (long) Texts.SPAM_TEMPLATES.length)];
	}

	/** Writes the file's bytes into {@code out}. */
	void build(MessagePlan plan, Bytes out) {
		SplittableRandom random = plan.random;
		boolean crlf = plan.dialect != Dialect.C || random.nextBoolean();
		buildMessage(plan, random, crlf);
		out.reset();
		switch (plan.dialect) {
			case A -> envelope(plan, random, out);
			case B -> xmlMessage(plan, out);
			case C -> smtpScript(plan, random, out);
			case D -> out.bytes(this.message.data, 0, this.message.length);
		}
	}

	private void envelope(MessagePlan plan, SplittableRandom random, Bytes out) {
		out.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<GWIAEnvelope version=\"1\">\n");
		out.ascii("  <Originator><EmailAddress>")
			.ascii(this.cast.address(plan.senderAddress))
			.ascii("</EmailAddress></Originator>\n");
		boolean oneLine = random.nextInt(5) == 0;
		out.ascii(oneLine ? "  <Recipients>" : "  <Recipients>\n");
		for (int recipient : plan.recipients) {
			out.ascii(oneLine ? "<Recipient><EmailAddress>" : "    <Recipient><EmailAddress>")
				.ascii(this.cast.address(recipient))
				.ascii(oneLine ? "</EmailAddress></Recipient>" : "</EmailAddress></Recipient>\n");
		}
		out.ascii(oneLine ? "</Recipients>\n" : "  </Recipients>\n");
		out.ascii("</GWIAEnvelope>\n");
		out.bytes(this.message.data, 0, this.message.length);
	}

	private void xmlMessage(MessagePlan plan, Bytes out) {
		out.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<GWIAMessage>\n");
		out.ascii("  <Sender><EmailAddress>")
			.ascii(this.cast.address(plan.senderAddress))
			.ascii("</EmailAddress></Sender>\n");
		for (int i = 0; i < plan.recipients.length; i++) {
			String element = (i < 3) ? "To" : (!plan.spam() && i < 6) ? "Cc" : "Bcc";
			out.ascii("  <")
				.ascii(element)
				.ascii("><EmailAddress>")
				.ascii(this.cast.address(plan.recipients[i]))
				.ascii("</EmailAddress></")
				.ascii(element)
				.ascii(">\n");
		}
		out.ascii("  <MimeContent encoding=\"base64\">");
		base64(this.message.data, this.message.length, out);
		out.ascii("</MimeContent>\n</GWIAMessage>\n");
	}

	private void smtpScript(MessagePlan plan, SplittableRandom random, Bytes out) {
		String first = this.cast.address(plan.recipients[0]);
		out.ascii(first.substring(first.indexOf('@') + 1)).ascii("\r\n");
		out.ascii(random.nextBoolean() ? "EHLO " : "HELO ").ascii("gwia.").ascii(Cast.DOMAIN).ascii("\r\n");
		String sender = this.cast.address(plan.senderAddress);
		if (random.nextInt(10) < 7) {
			out.ascii("MAIL FROM:<").ascii(sender).ascii(">\r\n");
		}
		else {
			out.ascii("MAIL FROM: ").ascii(sender).ascii("\r\n");
		}
		for (int recipient : plan.recipients) {
			out.ascii("RCPT TO:<").ascii(this.cast.address(recipient)).ascii(">\r\n");
		}
		// MailFilter's writer ends DATA with a bare LF.
		out.ascii("DATA\n");
		byte[] data = this.message.data;
		int line = 0;
		while (line < this.message.length) {
			int end = line;
			while (end < this.message.length && data[end] != '\n') {
				end++;
			}
			if (data[line] == '.') {
				out.add('.');
			}
			out.bytes(data, line, Math.min(end + 1, this.message.length) - line);
			line = end + 1;
		}
		out.ascii(".\r\nQUIT\r\n");
	}

	private void buildMessage(MessagePlan plan, SplittableRandom random, boolean crlf) {
		Bytes m = this.message;
		m.reset();
		m.crlf(crlf);
		long local = this.timeline.local(plan.epochSecond);
		int offsetMinutes = (int) ((local - plan.epochSecond) / 60);
		String boundary = Long.toHexString(plan.index * 2654435761L ^ 0x5DEECE66DL);
		m.ascii("Message-ID: <").hex(local, 8).add('.').number(plan.index).ascii("@").ascii(Cast.DOMAIN).add('>').eol();
		m.ascii("Date: ");
		date(m, local, offsetMinutes);
		m.eol();
		m.ascii("From: ");
		Texts.displayName(m, plan.sender.displayName);
		m.ascii(" <").ascii(this.cast.address(plan.senderAddress)).add('>').eol();
		if (plan.spam() && random.nextBoolean()) {
			m.ascii("To: undisclosed-recipients:;").eol();
		}
		else {
			m.ascii("To: ");
			for (int i = 0; i < Math.min(3, plan.recipients.length); i++) {
				if (i > 0) {
					m.ascii(",").eol().add(' ');
				}
				m.ascii(this.cast.address(plan.recipients[i]));
			}
			m.eol();
		}
		m.ascii("Subject: ");
		subject(plan, random, m);
		m.eol();
		m.ascii("MIME-Version: 1.0").eol();
		m.ascii(plan.spam() ? "X-Mailer: Microsoft Outlook 16.0" : "X-Mailer: GroupWise 18.5.0").eol();
		boolean attachment = plan.size > 6000 || (plan.size > 3000 && random.nextInt(4) == 0);
		if (attachment) {
			m.ascii("Content-Type: multipart/mixed; boundary=\"=_M").ascii(boundary).add('"').eol().eol();
			m.ascii("This is a multi-part message in MIME format.").eol();
			m.ascii("--=_M").ascii(boundary).eol();
		}
		m.ascii("Content-Type: multipart/alternative; boundary=\"=_A").ascii(boundary).add('"').eol().eol();
		String[] lines = plan.spam() ? Texts.SPAM_LINES : Texts.LEGIT_LINES;
		// Text and html halves of what is left of the size (the html repeats the text
		// with tags).
		int textTarget = Math.max(360, (Math.min(plan.size, attachment ? 2500 : 6000) - m.length - 500) / 2);
		int textStart = m.length;
		m.ascii("--=_A").ascii(boundary).eol();
		m.ascii("Content-Type: text/plain; charset=\"UTF-8\"").eol();
		m.ascii("Content-Transfer-Encoding: quoted-printable").eol().eol();
		int first = random.nextInt(lines.length);
		int count = 0;
		while (m.length - textStart < textTarget || count < 2) {
			m.ascii(lines[(first + count) % lines.length]).eol();
			count++;
		}
		if (plan.spam()) {
			m.ascii("http://")
				.ascii(Long.toString(random.nextLong(1L << 40), 36))
				.ascii(".example/pay?id=")
				.number(plan.index)
				.eol();
		}
		m.ascii("--=_A").ascii(boundary).eol();
		m.ascii("Content-Type: text/html; charset=\"UTF-8\"").eol();
		m.ascii("Content-Transfer-Encoding: quoted-printable").eol().eol();
		m.ascii("<html><body>").eol();
		for (int i = 0; i < count; i++) {
			m.ascii("<p>").ascii(lines[(first + i) % lines.length]).ascii("</p>").eol();
		}
		m.ascii("</body></html>").eol();
		m.ascii("--=_A").ascii(boundary).ascii("--").eol();
		if (attachment) {
			String name = attachmentName(plan, random);
			m.ascii("--=_M").ascii(boundary).eol();
			m.ascii("Content-Type: ").ascii(contentType(name)).ascii("; name=\"").ascii(name).add('"').eol();
			m.ascii("Content-Disposition: attachment; filename=\"").ascii(name).add('"').eol();
			m.ascii("Content-Transfer-Encoding: base64").eol().eol();
			int lineCount = Math.max(4, (plan.size - m.length - 40) / 78);
			int line = random.nextInt(Texts.BASE64_LINES);
			for (int i = 0; i < lineCount; i++) {
				m.bytes(Texts.BASE64_BLOCK, line * 76, 76).eol();
				line = (line + 1) % Texts.BASE64_LINES;
			}
			m.ascii("--=_M").ascii(boundary).ascii("--").eol();
		}
	}

	private void subject(MessagePlan plan, SplittableRandom random, Bytes m) {
		switch (plan.component) {
			case Timeline.LEGIT -> {
				Texts.Subject subject = Texts.LEGIT_SUBJECTS[random.nextInt(Texts.LEGIT_SUBJECTS.length)];
				String prefix = Texts.REPLY_PREFIXES[random.nextInt(Texts.REPLY_PREFIXES.length)];
				Texts.header(m, prefix + subject.text(), subject.charset(), subject.encoding());
			}
			case Timeline.NEWSLETTER -> {
				int issue = (int) ((plan.epochSecond - this.timeline.startEpoch) / 86_400) + 40;
				Texts.header(m, String.format(Texts.NEWSLETTER.text(), issue), Texts.NEWSLETTER.charset(),
						Texts.NEWSLETTER.encoding());
			}
			case Timeline.LEGIT_BURST ->
				Texts.header(m, Texts.INVITATION.text(), Texts.INVITATION.charset(), Texts.INVITATION.encoding());
			default -> Texts.header(
					m, String.format(this.spamSubject.text(), 100_000 + random.nextInt(900_000),
							49 + random.nextInt(450), random.nextInt(100)),
					this.spamSubject.charset(), this.spamSubject.encoding());
		}
	}

	private static String attachmentName(MessagePlan plan, SplittableRandom random) {
		if (plan.spam()) {
			return (random.nextBoolean() ? "Rechnung_" : "invoice_") + (10_000 + random.nextInt(90_000))
					+ (random.nextBoolean() ? ".zip" : ".html");
		}
		return switch (random.nextInt(4)) {
			case 0 -> "Protokoll.pdf";
			case 1 -> "Angebot_" + (1000 + random.nextInt(9000)) + ".pdf";
			case 2 -> "Foto_" + random.nextInt(1000) + ".jpg";
			default -> "Tabelle.xlsx";
		};
	}

	private static String contentType(String name) {
		if (name.endsWith(".pdf")) {
			return "application/pdf";
		}
		if (name.endsWith(".zip")) {
			return "application/zip";
		}
		if (name.endsWith(".html")) {
			return "text/html";
		}
		if (name.endsWith(".jpg")) {
			return "image/jpeg";
		}
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	}

	private static void date(Bytes m, long local, int offsetMinutes) {
		LocalDateTime time = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
		m.ascii(DAYS[time.getDayOfWeek().ordinal()]).ascii(", ");
		m.two(time.getDayOfMonth()).add(' ').ascii(MONTHS[time.getMonthValue() - 1]).add(' ').number(time.getYear());
		m.add(' ').two(time.getHour()).add(':').two(time.getMinute()).add(':').two(time.getSecond());
		m.add(' ').add(offsetMinutes < 0 ? '-' : '+');
		int abs = Math.abs(offsetMinutes);
		m.two(abs / 60).two(abs % 60);
	}

	/** MIME base64 with 76-character lines ending in LF. */
	private static void base64(byte[] data, int length, Bytes out) {
		out.ensure((length + 2) / 3 * 4 + length / 57 + 4);
		byte[] target = out.data;
		int at = out.length;
		int i = 0;
		int column = 0;
		while (i + 3 <= length) {
			int v = ((data[i] & 0xFF) << 16) | ((data[i + 1] & 0xFF) << 8) | (data[i + 2] & 0xFF);
			target[at++] = BASE64[v >>> 18];
			target[at++] = BASE64[(v >>> 12) & 63];
			target[at++] = BASE64[(v >>> 6) & 63];
			target[at++] = BASE64[v & 63];
			i += 3;
			column += 4;
			if (column == 76) {
				target[at++] = '\n';
				column = 0;
			}
		}
		out.length = at;
		if (i < length) {
			int v = (data[i] & 0xFF) << 16;
			if (i + 1 < length) {
				v |= (data[i + 1] & 0xFF) << 8;
			}
			out.add((char) BASE64[v >>> 18]).add((char) BASE64[(v >>> 12) & 63]);
			out.add((i + 1 < length) ? (char) BASE64[(v >>> 6) & 63] : '=').add('=');
		}
	}

}
