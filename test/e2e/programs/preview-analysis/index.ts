import "./voice-rules";
import "./overflow-rules";
