"""The council's dataset quality indicators: timeliness, openness, metadata and the rest,
scored MQA-style (points earned ÷ points applicable) from config/quality.yaml."""
