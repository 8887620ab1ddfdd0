package io.quench.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One folder's depth in words: now, and at the start of the series ("send/ 184,200 now,
 * up from 1,203 at 09:00").
 *
 * @param folder {@code SEND} or {@code DEFER}
 * @param now the latest depth
 * @param then the first depth in the window
 * @param thenAt when that was
 * @param direction {@code up}, {@code down} or {@code same} (the message key's last part)
 */
public record DepthSummary(String folder, long now, long then, Instant thenAt, String direction) {

	/** One summary per folder that has points. */
	static List<DepthSummary> of(List<DepthPoint> points) {
		List<DepthSummary> summaries = new ArrayList<>();
		for (String folder : List.of("SEND", "DEFER")) {
			List<DepthPoint> mine = points.stream().filter((p) -> p.folder().equals(folder)).toList();
			if (mine.isEmpty()) {
				continue;
			}
			DepthPoint first = mine.get(0);
			DepthPoint last = mine.get(mine.size() - 1);
			String direction = (last.messages() > first.messages()) ? "up"
					: (last.messages() < first.messages()) ? "down" : "same";
			summaries.add(new DepthSummary(folder, last.messages(), first.messages(), first.at(), direction));
		}
		return summaries;
	}

}
