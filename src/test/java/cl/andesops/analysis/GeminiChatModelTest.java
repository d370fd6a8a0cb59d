package cl.andesops.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * An answer given up on closes its connection, whether it is given up between two chunks or while the model has not
 * sent one yet: a raw server that streams one chunk (or none) and then waits for the client to close. Spring AI's
 * Gemini model left it open in both cases (the provider writing on for as long as it liked).
 */
class GeminiChatModelTest {

    private static final String CHUNK = "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":"
            + "\"Hola \"}]},\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":7,\"candidatesTokenCount\":2,"
            + "\"totalTokenCount\":9},\"modelVersion\":\"stub\"}\r\n\r\n";

    private ServerSocket server;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile String request;
    private final Scheduler streams = Schedulers.fromExecutorService(
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory()), "test-llm");

    @BeforeEach
    void start() throws Exception {
        server = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        streams.dispose();
    }

    /** Serves one request: headers, {@code chunks} chunks, then waits until the client closes the connection. */
    private void serve(int chunks) {
        Thread.ofVirtual().start(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                BufferedReader head = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                int length = 0;
                StringBuilder r = new StringBuilder();
                for (String line = head.readLine(); line != null && !line.isEmpty(); line = head.readLine()) {
                    r.append(line).append('\n');
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                char[] body = new char[length];
                for (int read = 0; read < length; ) {
                    read += head.read(body, read, length - read);
                }
                request = r + new String(body);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < chunks; i++) {
                    byte[] c = CHUNK.getBytes(StandardCharsets.UTF_8);
                    out.write((Integer.toHexString(c.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
                    out.write(c);
                    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
                s.setSoTimeout(30_000);
                while (head.read() != -1) {
                    // nothing more comes from a client; -1 when it closes
                }
                closed.countDown();
            } catch (java.io.IOException e) {
                closed.countDown(); // reset by the client: closed too
            }
        });
    }

    private GeminiChatModel model() {
        Client client = Client.builder().apiKey("test-key").httpOptions(HttpOptions.builder()
                .baseUrl("http://127.0.0.1:" + server.getLocalPort()).timeout(30_000)
                .retryOptions(com.google.genai.types.HttpRetryOptions.builder().attempts(1).build()).build()).build();
        return new GeminiChatModel(client, "gemini-test", 0.2, 100, Duration.ofSeconds(30));
    }

    private static Prompt prompt() {
        return new Prompt(List.of(new SystemMessage("Responde breve."), new UserMessage("Hola.")));
    }

    @Test
    void an_answer_given_up_on_after_its_first_chunk_closes_its_connection() throws Exception {
        serve(3); // the client's reader looks an event ahead (Spring AI's model, two) before it hands one on
        ChatResponse first = model().stream(prompt()).subscribeOn(streams).blockFirst(Duration.ofSeconds(20));
        assertThat(first.getResult().getOutput().getText()).isEqualTo("Hola ");
        assertThat(first.getMetadata().getUsage().getPromptTokens()).isEqualTo(7);
        assertThat(first.getMetadata().getUsage().getCompletionTokens()).isEqualTo(2);
        assertThat(request).contains("streamGenerateContent").contains("Responde breve.").contains("Hola.")
                .contains("\"maxOutputTokens\":100");
        assertThat(closed.await(10, TimeUnit.SECONDS)).as("the connection closed once the answer was given up on")
                .isTrue();
    }

    @Test
    void an_answer_given_up_on_before_any_chunk_closes_its_connection() throws Exception {
        serve(0);
        Disposable running = model().stream(prompt()).subscribeOn(streams).subscribe();
        for (int i = 0; i < 200 && request == null; i++) {
            Thread.sleep(25);
        }
        assertThat(request).as("the request reached the model").isNotNull();
        Thread.sleep(200); // the reader now waits for a chunk that does not come
        running.dispose();
        assertThat(closed.await(10, TimeUnit.SECONDS)).as("the connection closed while waiting for a first chunk")
                .isTrue();
    }
}
