package io.quench.preview;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Tells a file's type from its first bytes, whatever its name or declared type says. */
final class FileTypes {

	private FileTypes() {
	}

	static String detect(byte[] head, int length) {
		if (length == 0) {
			return "unknown";
		}
		if (starts(head, length, "%PDF")) {
			return "pdf";
		}
		if (starts(head, length, "PK\u0003\u0004") || starts(head, length, "PK\u0005\u0006")) {
			return "zip";
		}
		if (starts(head, length, "MZ")) {
			return "exe";
		}
		if (starts(head, length, "\u007fELF")) {
			return "elf";
		}
		if (startsBytes(head, length, 0xD0, 0xCF, 0x11, 0xE0)) {
			return "ole";
		}
		if (starts(head, length, "Rar!")) {
			return "rar";
		}
		if (startsBytes(head, length, '7', 'z', 0xBC, 0xAF)) {
			return "7z";
		}
		if (startsBytes(head, length, 0x1F, 0x8B)) {
			return "gzip";
		}
		if (startsBytes(head, length, 0x89, 'P', 'N', 'G')) {
			return "png";
		}
		if (startsBytes(head, length, 0xFF, 0xD8, 0xFF)) {
			return "jpeg";
		}
		if (starts(head, length, "GIF8")) {
			return "gif";
		}
		if (starts(head, length, "RIFF") && length >= 12
				&& new String(head, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
			return "webp";
		}
		String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
		if (text.startsWith("\u00ef\u00bb\u00bf")) {
			text = text.substring(3);
		}
		String start = text.stripLeading().toLowerCase(Locale.ROOT);
		if (start.startsWith("#!") || start.startsWith("<script") || start.startsWith("@echo")
				|| start.startsWith("<job") || start.startsWith("<?php")) {
			return "script";
		}
		if (start.startsWith("<svg") || (start.startsWith("<?xml") && start.contains("<svg"))) {
			return "svg";
		}
		if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
				|| start.startsWith("<body") || start.startsWith("<meta") || start.startsWith("<iframe")) {
			return "html";
		}
		for (int i = 0; i < length; i++) {
			int b = head[i] & 0xff;
			if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
				return "unknown";
			}
		}
		return "text";
	}

	private static boolean starts(byte[] head, int length, String magic) {
		return startsBytes(head, length, magic.chars().toArray());
	}

	private static boolean startsBytes(byte[] head, int length, int... magic) {
		if (length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((head[i] & 0xff) != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
