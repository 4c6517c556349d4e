package dev.rootline.serve;

/**
 * A request the client must fix or may not make, answered with {@code status} and a JSON body
 * {@code {"error": message, "position": n}} (position only for query syntax errors).
 */
final class ApiError extends RuntimeException {
    private final int status;
    private final int position;

    ApiError(int status, String message) {
        this(status, message, -1);
    }

    ApiError(int status, String message, int position) {
        super(message, null, false, false);
        this.status = status;
        this.position = position;
    }

    int status() {
        return status;
    }

    int position() {
        return position;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }
}
