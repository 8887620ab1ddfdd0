package io.quench.queue;

import java.util.List;
import java.util.Map;

/**
 * Everything the Queues page shows for one set of filters.
 *
 * @param sources the queue sources (id to name), for the source filter
 * @param depth the depth series
 * @param chart its chart, or null without points
 * @param summaries the depth in words
 * @param topSenders the senders with most present messages
 * @param ages present messages by age
 * @param burst when the burst started, or null when no hour qualifies
 */
public record QueueOverview(Map<Long, String> sources, List<DepthPoint> depth, DepthChart chart,
		List<DepthSummary> summaries, List<QueueSender> topSenders, AgeDistribution ages, BurstRule.Burst burst) {

	/** Nothing read yet: no depth sample and no message. */
	public boolean empty() {
		return this.depth.isEmpty() && this.topSenders.isEmpty() && this.ages.total() == 0;
	}

}
