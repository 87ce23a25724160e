"""The Qt desktop viewer. It only shows what the data layer gives it; it holds no SQL."""
