package dev.tfe.kernel;

import java.util.List;

import com.google.gson.annotations.SerializedName;

import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.messages.reply.HistoryReply;
import io.github.spencerpark.jupyter.messages.reply.InterruptReply;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;

/**
 * Replies that basekernel 2.3.0 sends without the {@code "status": "ok"} field that messaging
 * protocol 5.1 and later require (and that {@code jupyter_kernel_test} checks), or, for history,
 * does not send at all.
 */
final class StatusReplies {

    private StatusReplies() {
    }

    /** {@code kernel_info_reply} with its status. */
    static final class KernelInfo extends KernelInfoReply {
        @SerializedName("status")
        private final String status = "ok";

        KernelInfo(String protocolVersion, String implementation, String implementationVersion, LanguageInfo language,
                   String banner, List<LanguageInfo.Help> helpLinks) {
            super(protocolVersion, implementation, implementationVersion, language, banner, helpLinks);
        }
    }

    /** An empty {@code history_reply} with its status: the kernel keeps no history. */
    static final class EmptyHistory extends HistoryReply {
        @SerializedName("status")
        private final String status = "ok";

        EmptyHistory() {
            super(List.of());
        }
    }

    /** {@code interrupt_reply} with its status. */
    static final class Interrupt extends InterruptReply {
        @SerializedName("status")
        private final String status = "ok";
    }
}
