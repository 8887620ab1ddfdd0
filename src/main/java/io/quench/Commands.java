package io.quench;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The command-line tools in the jar: {@code java -jar quench.jar COMMAND ...}. They run
 * without Spring, so an operator can use them over SSH on the GWIA server.
 */
final class Commands {

	private Commands() {
	}

	static boolean isCommand(String[] args) {
		return args.length > 0 && !args[0].startsWith("-") && switch (args[0]) {
			case "help" -> true;
			default -> false;
		};
	}

	static int run(String[] args) {
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		return switch (args[0]) {
			default -> usage(System.out, rest);
		};
	}

	private static int usage(PrintStream out, String[] ignored) {
		out.println("usage: java -jar quench.jar                 start the console");
		return 0;
	}

}
